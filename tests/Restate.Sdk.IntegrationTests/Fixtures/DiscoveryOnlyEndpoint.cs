using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Restate.Sdk.IntegrationTests.Fixtures;

/// <summary>
/// A deployment that answers discovery with a fixed manifest (a service, a virtual object and a workflow) and every
/// invocation attempt with 503, so invocations stay pending (Restate keeps retrying them). It lets the client tests
/// register deployments and drive invocations through send, output, kill and purge without the SDK.
/// </summary>
public sealed class DiscoveryOnlyEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _invokeAttempts;

    private DiscoveryOnlyEndpoint(WebApplication app, string servicePrefix)
    {
        _app = app;
        Greeter = servicePrefix + "Greeter";
        Counter = servicePrefix + "Counter";
        Signup = servicePrefix + "Signup";
    }

    /// <summary>A service with handler <c>greet</c>.</summary>
    public string Greeter { get; }

    /// <summary>A virtual object with exclusive <c>add</c> and shared <c>get</c>.</summary>
    public string Counter { get; }

    /// <summary>A workflow with <c>run</c> and shared <c>status</c>.</summary>
    public string Signup { get; }

    public Uri Url { get; private set; } = null!;

    /// <summary>How many invocation attempts Restate has made (all answered 503).</summary>
    public int InvokeAttempts => Volatile.Read(ref _invokeAttempts);

    /// <summary>
    /// Starts on a free 127.0.0.1 port: HTTP/2 cleartext for bidi streaming (the default registration), or HTTP/1.1
    /// for request/response (register with <c>useHttp11</c>). <paramref name="servicePrefix"/> keeps the service names
    /// of tests that share one server apart.
    /// </summary>
    public static async Task<DiscoveryOnlyEndpoint> StartAsync(string servicePrefix = "", bool http11 = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(
            IPAddress.Loopback,
            0,
            listen => listen.Protocols = http11 ? HttpProtocols.Http1 : HttpProtocols.Http2));
        var app = builder.Build();
        var endpoint = new DiscoveryOnlyEndpoint(app, servicePrefix);
        var manifest = endpoint.Manifest(http11 ? "REQUEST_RESPONSE" : "BIDI_STREAM");

        app.MapGet("/discover", (HttpContext http) =>
        {
            // The runtime matches the content type exactly: no charset parameter.
            http.Response.ContentType = "application/vnd.restate.endpointmanifest.v3+json";
            return http.Response.WriteAsync(manifest);
        });
        app.MapPost("/invoke/{service}/{handler}", () =>
        {
            Interlocked.Increment(ref endpoint._invokeAttempts);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        endpoint.Url = new Uri(address.EndsWith('/') ? address : address + "/");
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private string Manifest(string protocolMode)
    {
        static JsonObject Handler(string name, string? type)
        {
            var handler = new JsonObject
            {
                ["name"] = name,
                ["input"] = new JsonObject { ["required"] = false, ["contentType"] = "application/json" },
                ["output"] = new JsonObject { ["contentType"] = "application/json" },
            };
            if (type is not null)
            {
                handler["ty"] = type;
            }

            return handler;
        }

        var manifest = new JsonObject
        {
            ["protocolMode"] = protocolMode,
            ["minProtocolVersion"] = 5,
            ["maxProtocolVersion"] = 6,
            ["services"] = new JsonArray(
                new JsonObject
                {
                    ["name"] = Greeter,
                    ["ty"] = "SERVICE",
                    ["documentation"] = "Says hello.",
                    ["handlers"] = new JsonArray(Handler("greet", null)),
                },
                new JsonObject
                {
                    ["name"] = Counter,
                    ["ty"] = "VIRTUAL_OBJECT",
                    ["handlers"] = new JsonArray(Handler("add", "EXCLUSIVE"), Handler("get", "SHARED")),
                },
                new JsonObject
                {
                    ["name"] = Signup,
                    ["ty"] = "WORKFLOW",
                    ["handlers"] = new JsonArray(Handler("run", "WORKFLOW"), Handler("status", "SHARED")),
                }),
        };
        return manifest.ToJsonString();
    }
}
