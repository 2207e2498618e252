using Restate.Sdk;
using Restate.Sdk.Endpoint;
using Restate.Sdk.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Restate endpoint to an application's services.</summary>
public static class RestateServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Restate endpoint; register services on the returned builder and serve them with
    /// <c>app.MapRestate()</c>. Calling it again returns a builder over the same registrations.
    /// </summary>
    public static RestateBuilder AddRestate(this IServiceCollection services, Action<RestateOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RestateOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        var registry = services.FirstOrDefault(d => d.ServiceType == typeof(ServiceRegistry))?.ImplementationInstance as ServiceRegistry;
        if (registry is null)
        {
            registry = new ServiceRegistry();
            services.AddSingleton(registry);
            services.AddSingleton<RestateEndpoint>();
        }

        return new RestateBuilder(services, registry);
    }
}
