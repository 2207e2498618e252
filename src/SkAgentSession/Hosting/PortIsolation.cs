namespace SkAgentSession.Hosting;

/// <summary>
/// Keeps the Restate endpoint and the public HTTP API apart: the invoke and discover paths answer only
/// on the endpoint port, and the UI and API only on the HTTP port. The check uses the port the
/// connection arrived on, not the Host header, which a client controls.
/// </summary>
internal static class PortIsolation
{
    public static IApplicationBuilder UsePortIsolation(this IApplicationBuilder app, AppOptions options) =>
        app.Use((context, next) =>
        {
            var onEndpointPort = context.Connection.LocalPort == options.EndpointPort;
            var path = context.Request.Path;
            var isRestatePath = path.StartsWithSegments("/invoke") || path.StartsWithSegments("/discover") ||
                                (onEndpointPort && path.StartsWithSegments("/health"));
            if (onEndpointPort != isRestatePath)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
}
