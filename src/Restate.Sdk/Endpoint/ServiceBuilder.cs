using Restate.Sdk.Endpoint;

namespace Restate.Sdk;

/// <summary>Registers the handlers of a service defined without attributes.</summary>
public sealed class ServiceBuilder
{
    private readonly HandlerListBuilder _handlers;

    internal ServiceBuilder(string name)
    {
        _handlers = new HandlerListBuilder(name, ServiceKind.Service);
    }

    /// <summary>The service name.</summary>
    public string Name => _handlers.ServiceName;

    /// <summary>The options of the service (and, through <see cref="ServiceOptions.ConfigureHandler"/>, of its handlers).</summary>
    public ServiceOptions Options => _handlers.Options;

    /// <summary>Adds a handler; takes an input and returns a result.</summary>
    public ServiceBuilder Handler<TIn, TOut>(string name, Func<IContext, TIn, Task<TOut>> handler, Action<HandlerOptions>? configure = null)
    {
        _handlers.Add(name, HandlerKind.Shared, DelegateHandlerBodies.Of(handler), configure);
        return this;
    }

    /// <summary>Adds a handler; takes no input and returns a result.</summary>
    public ServiceBuilder Handler<TOut>(string name, Func<IContext, Task<TOut>> handler, Action<HandlerOptions>? configure = null)
    {
        _handlers.Add(name, HandlerKind.Shared, DelegateHandlerBodies.Of(handler), configure);
        return this;
    }

    /// <summary>Adds a handler; takes an input and returns no result.</summary>
    public ServiceBuilder Handler<TIn>(string name, Func<IContext, TIn, Task> handler, Action<HandlerOptions>? configure = null)
    {
        _handlers.Add(name, HandlerKind.Shared, DelegateHandlerBodies.OfAction(handler), configure);
        return this;
    }

    /// <summary>Adds a handler; takes no input and returns no result.</summary>
    public ServiceBuilder Handler(string name, Func<IContext, Task> handler, Action<HandlerOptions>? configure = null)
    {
        _handlers.Add(name, HandlerKind.Shared, DelegateHandlerBodies.OfAction(handler), configure);
        return this;
    }

    internal ServiceDefinition Build() => _handlers.Build();
}
