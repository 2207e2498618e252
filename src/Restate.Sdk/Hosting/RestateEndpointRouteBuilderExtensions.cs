using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Restate.Sdk.Endpoint;
using Restate.Sdk.Hosting;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Restate endpoint's routes.</summary>
public static class RestateEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET {prefix}/discover</c>, <c>POST {prefix}/invoke/{service}/{handler}</c> and
    /// <c>GET {prefix}/health</c>. Register the deployment in Restate with the URI of the prefix.
    /// The returned builder applies to all three, e.g. <c>.RequireHost("*:9080")</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>services.AddRestate()</c> was not called.</exception>
    public static IEndpointConventionBuilder MapRestate(this IEndpointRouteBuilder endpoints, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var endpoint = endpoints.ServiceProvider.GetService<RestateEndpoint>()
            ?? throw new InvalidOperationException("Call builder.Services.AddRestate() before app.MapRestate().");

        // Writing every manifest version now surfaces schema problems at startup, not at registration.
        endpoint.PrepareManifests();

        var trimmed = prefix.Trim().TrimEnd('/');
        var group = endpoints.MapGroup(trimmed.Length == 0 || trimmed.StartsWith('/') ? trimmed : "/" + trimmed);
        group.MapGet("/discover", new RequestDelegate(endpoint.DiscoverAsync));
        group.MapPost("/invoke/{service}/{handler}", new RequestDelegate(endpoint.InvokeAsync));
        group.MapGet("/health", new RequestDelegate(RestateEndpoint.HealthAsync));
        return group;
    }
}
