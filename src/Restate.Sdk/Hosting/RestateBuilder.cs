using Microsoft.Extensions.DependencyInjection;
using Restate.Sdk.Endpoint;

namespace Restate.Sdk;

/// <summary>Registers the services, virtual objects and workflows this endpoint serves.</summary>
public sealed class RestateBuilder
{
    private readonly ServiceRegistry _registry;

    internal RestateBuilder(IServiceCollection services, ServiceRegistry registry)
    {
        Services = services;
        _registry = registry;
    }

    /// <summary>The application's service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Adds a service whose handlers are the <c>[Handler]</c> methods of <typeparamref name="T"/>.</summary>
    /// <exception cref="RestateDefinitionException">The class is not a valid service.</exception>
    public RestateBuilder AddService<T>(Action<ServiceOptions>? configure = null)
        where T : class => AddScanned(typeof(T), ServiceKind.Service, configure);

    /// <summary>Adds a virtual object whose handlers are the <c>[Handler]</c> methods of <typeparamref name="T"/>.</summary>
    /// <exception cref="RestateDefinitionException">The class is not a valid virtual object.</exception>
    public RestateBuilder AddVirtualObject<T>(Action<ServiceOptions>? configure = null)
        where T : class => AddScanned(typeof(T), ServiceKind.VirtualObject, configure);

    /// <summary>Adds a workflow whose handlers are the <c>[Handler]</c> methods of <typeparamref name="T"/>.</summary>
    /// <exception cref="RestateDefinitionException">The class is not a valid workflow.</exception>
    public RestateBuilder AddWorkflow<T>(Action<ServiceOptions>? configure = null)
        where T : class => AddScanned(typeof(T), ServiceKind.Workflow, configure);

    /// <summary>Adds a service whose handlers are registered explicitly.</summary>
    public RestateBuilder AddService(string name, Action<ServiceBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new ServiceBuilder(name);
        configure(builder);
        _registry.Add(builder.Build());
        return this;
    }

    /// <summary>Adds a virtual object whose handlers are registered explicitly.</summary>
    public RestateBuilder AddVirtualObject(string name, Action<VirtualObjectBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new VirtualObjectBuilder(name);
        configure(builder);
        _registry.Add(builder.Build());
        return this;
    }

    /// <summary>Adds a workflow whose handlers are registered explicitly.</summary>
    public RestateBuilder AddWorkflow(string name, Action<WorkflowBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new WorkflowBuilder(name);
        configure(builder);
        _registry.Add(builder.Build());
        return this;
    }

    private RestateBuilder AddScanned(Type type, ServiceKind kind, Action<ServiceOptions>? configure)
    {
        var options = new ServiceOptions();
        configure?.Invoke(options);
        _registry.Add(ServiceTypeScanner.Scan(type, kind, options));
        return this;
    }
}
