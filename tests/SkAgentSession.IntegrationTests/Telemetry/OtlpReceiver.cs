using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
using Restate.Sdk.Local;

namespace SkAgentSession.IntegrationTests.Telemetry;

/// <summary>
/// An OTLP collector in the test process, on loopback: OTLP/HTTP protobuf on <c>/v1/traces</c> and
/// <c>/v1/metrics</c> (what the app's exporters send), and OTLP/gRPC trace export over h2c on a second
/// port (what restate-server's <c>tracing-endpoint</c> sends). It keeps every span and metric point.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private const string GrpcTraceExport = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";

    private readonly ConcurrentQueue<OtlpSpan> _spans = new();
    private readonly ConcurrentQueue<OtlpMetricPoint> _metrics = new();
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app, int httpPort, int grpcPort)
    {
        _app = app;
        HttpEndpoint = new Uri($"http://127.0.0.1:{httpPort}");
        GrpcEndpoint = new Uri($"http://127.0.0.1:{grpcPort}");
    }

    /// <summary>The base URL for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> with <c>http/protobuf</c>.</summary>
    public Uri HttpEndpoint { get; }

    /// <summary>The OTLP/gRPC endpoint (h2c).</summary>
    public Uri GrpcEndpoint { get; }

    public IReadOnlyList<OtlpSpan> Spans => [.. _spans];

    public IReadOnlyList<OtlpMetricPoint> MetricPoints => [.. _metrics];

    public static async Task<OtlpReceiver> StartAsync()
    {
        var httpPort = PortAllocator.GetFreeLoopbackPort();
        var grpcPort = PortAllocator.GetFreeLoopbackPort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, httpPort, listen => listen.Protocols = HttpProtocols.Http1AndHttp2);
            kestrel.Listen(IPAddress.Loopback, grpcPort, listen => listen.Protocols = HttpProtocols.Http2);
        });
        var app = builder.Build();
        var receiver = new OtlpReceiver(app, httpPort, grpcPort);
        app.MapPost("/v1/traces", receiver.ReceiveTracesAsync);
        app.MapPost("/v1/metrics", receiver.ReceiveMetricsAsync);
        app.MapPost(GrpcTraceExport, receiver.ReceiveGrpcTracesAsync);
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ReceiveTracesAsync(HttpContext http)
    {
        foreach (var span in OtlpDecoder.Traces(await ReadBodyAsync(http)))
        {
            _spans.Enqueue(span);
        }

        await AcknowledgeAsync(http);
    }

    private async Task ReceiveMetricsAsync(HttpContext http)
    {
        foreach (var point in OtlpDecoder.Metrics(await ReadBodyAsync(http)))
        {
            _metrics.Enqueue(point);
        }

        await AcknowledgeAsync(http);
    }

    /// <summary>A unary gRPC call: one length-prefixed message in, an empty one out, status in the trailers.</summary>
    private async Task ReceiveGrpcTracesAsync(HttpContext http)
    {
        var body = await ReadBodyAsync(http);
        var compressed = body[0] == 1;
        var message = body.AsSpan(5).ToArray();
        if (compressed)
        {
            message = Gunzip(message);
        }

        foreach (var span in OtlpDecoder.Traces(message))
        {
            _spans.Enqueue(span);
        }

        http.Response.ContentType = "application/grpc";
        await http.Response.Body.WriteAsync(new byte[5]);
        http.Response.AppendTrailer("grpc-status", "0");
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        return http.Request.Headers.ContentEncoding == "gzip" ? Gunzip(bytes) : bytes;
    }

    private static byte[] Gunzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress))
        {
            gzip.CopyTo(output);
        }

        return output.ToArray();
    }

    private static Task AcknowledgeAsync(HttpContext http)
    {
        // An empty Export*ServiceResponse: everything was accepted.
        http.Response.ContentType = "application/x-protobuf";
        return Task.CompletedTask;
    }
}
