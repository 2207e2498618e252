using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SkAgentSession.Tests.Support;

/// <summary>
/// An OpenAI-compatible endpoint on 127.0.0.1 that answers every chat-completions request with a
/// fixed status and body (as an event stream when the request streams and the status is 200) and
/// records what it received, for tests of the real HTTP path.
/// </summary>
internal sealed class LoopbackModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackModelServer(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Path, string Authorization, string Body)> Requests { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<LoopbackModelServer> StartAsync(int status, string body)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackModelServer(app);
        app.MapPost("/v1/chat/completions", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var requestBody = await reader.ReadToEndAsync();
            server.Requests.Enqueue((http.Request.Path, http.Request.Headers.Authorization.ToString(), requestBody));
            http.Response.StatusCode = status;
            var stream = status == 200 && CompletionStream.IsRequested(requestBody);
            http.Response.ContentType = stream ? "text/event-stream" : "application/json";
            await http.Response.WriteAsync(stream ? CompletionStream.Text(body) : body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = new Uri($"{address}/v1");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
