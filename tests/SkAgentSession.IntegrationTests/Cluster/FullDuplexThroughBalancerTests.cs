using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Restate.Sdk.Local;
using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests.Cluster;

/// <summary>
/// The balancer's endpoint port forwards an HTTP/2 request as Restate uses it: both bodies stream at once, each chunk
/// passes as soon as it is written, and the response ends while the request body is still open. An echo server stands
/// in for a replica, and the client waits for each echo before it writes more: behind a proxy that holds chunks back
/// until a buffer fills or a timer fires (YARP does, for all but gRPC, about 1 s a chunk), the round trips crawl.
/// </summary>
public sealed class FullDuplexThroughBalancerTests : IAsyncLifetime
{
    private const int RoundTrips = 10;

    /// <summary>Ten round trips through a proxy that holds each chunk back for a second take at least 10 s.</summary>
    private static readonly TimeSpan AllRoundTripsWithin = TimeSpan.FromSeconds(4);

    private static readonly TimeSpan EchoTimeout = TimeSpan.FromSeconds(5);

    private readonly int _echoPort = PortAllocator.GetFreeLoopbackPort();
    private BalancerProcess Balancer { get; } = new();
    private WebApplication _echo = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, _echoPort, l => l.Protocols = HttpProtocols.Http2));
        _echo = builder.Build();
        _echo.MapGet("/health", () => "OK");
        _echo.MapPost("/echo", EchoUntilEndAsync);
        await _echo.StartAsync();
        var echoUrl = new Uri($"http://127.0.0.1:{_echoPort}/");
        await Balancer.StartAsync([echoUrl], [echoUrl]);
    }

    public async Task DisposeAsync()
    {
        await Balancer.DisposeAsync();
        await _echo.DisposeAsync();
    }

    [Fact]
    public async Task Each_chunk_is_answered_before_the_next_is_sent_and_the_response_ends_while_the_request_is_open()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var http = new HttpClient();
        using var requestBody = new DuplexRequestContent();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Balancer.EndpointUrl, "echo"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = requestBody,
        };
        request.Content.Headers.ContentType = new("application/vnd.restate.invocation.v5");

        // Like Restate, which opens an invocation with its first frames: YARP passes the response headers on only with
        // the first bytes of the response body (dotnet/yarp#2520).
        var sending = http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await requestBody.WriteAsync("one\n");
        using var response = await sending.WaitAsync(EchoTimeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("one", await reader.ReadLineAsync().WaitAsync(EchoTimeout));

        foreach (var chunk in Enumerable.Range(2, RoundTrips - 1).Select(i => $"chunk {i}"))
        {
            await requestBody.WriteAsync(chunk + "\n");
            Assert.Equal(chunk, await reader.ReadLineAsync().WaitAsync(EchoTimeout));
        }

        await requestBody.WriteAsync("end\n");
        Assert.Null(await reader.ReadLineAsync().WaitAsync(EchoTimeout));
        Assert.True(clock.Elapsed < AllRoundTripsWithin, $"{RoundTrips} round trips and the end of the response took {clock.Elapsed.TotalSeconds:0.0} s");
        requestBody.Complete();
    }

    /// <summary>Writes back each line as it comes, with its content type checked, and ends the response at <c>end</c>.</summary>
    private static async Task EchoUntilEndAsync(HttpContext context)
    {
        if (context.Request.ContentType != "application/vnd.restate.invocation.v5")
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        await context.Response.StartAsync();
        using var lines = new StreamReader(context.Request.Body);
        while (await lines.ReadLineAsync() is { } line && line != "end")
        {
            await context.Response.WriteAsync(line + "\n");
            await context.Response.Body.FlushAsync();
        }
    }
}
