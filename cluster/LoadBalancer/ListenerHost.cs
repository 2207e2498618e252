using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Yarp.ReverseProxy.Transforms;

namespace SkAgentSession.LoadBalancer;

/// <summary>
/// One listener of the balancer with its own YARP cluster. The Restate endpoint and the API are separate hosts, so a
/// request can only reach the replicas' endpoint port through the balancer's endpoint port, whatever its Host header.
/// </summary>
internal static class ListenerHost
{
    public static WebApplication Build(string[] args, BalancerOptions options, int port, HttpProtocols protocols, IReadOnlyList<Uri> destinations, string healthPath)
    {
        // Settings (appsettings.json) come from next to the binary, wherever it is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var http2Only = protocols == HttpProtocols.Http2;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Parse(options.BindAddress), port, listen => listen.Protocols = protocols);

            // An invocation stream sits idle while its handler waits and a replayed journal can be large; an event
            // stream writes only a keep-alive now and then. The replicas lift these limits for the same reasons.
            kestrel.Limits.MinRequestBodyDataRate = null;
            kestrel.Limits.MinResponseDataRate = null;
            if (http2Only)
            {
                kestrel.Limits.MaxRequestBodySize = null;
            }
        });
        var proxy = builder.Services.AddReverseProxy().LoadFromMemory(
            [BalancedCluster.Route()],
            [BalancedCluster.Cluster(destinations, http2Only, healthPath, options)]);
        if (http2Only)
        {
            proxy.AddTransforms(transforms => transforms.AddRequestTransform(FullDuplexStreams.RestoreContentTypeAsync));
        }

        var app = builder.Build();
        if (http2Only)
        {
            app.Use(FullDuplexStreams.PresentAsGrpcAsync);
        }

        app.MapReverseProxy();
        return app;
    }
}
