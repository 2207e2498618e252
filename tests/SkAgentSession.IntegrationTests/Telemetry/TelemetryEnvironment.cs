using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests.Telemetry;

/// <summary>
/// A <see cref="SessionEnvironment"/> whose app exports traces and metrics (OTLP/HTTP protobuf, set up
/// by <c>OTEL_*</c> variables only) and whose restate-server exports its traces (OTLP/gRPC), both to
/// an <see cref="OtlpReceiver"/> in the test process.
/// </summary>
public sealed class TelemetryEnvironment : SessionEnvironment
{
    public const string ServiceName = "skas-telemetry-it";

    internal OtlpReceiver Receiver { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Receiver.HttpEndpoint.ToString(),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_SERVICE_NAME"] = ServiceName,

        // Export often, so the test does not wait for the default 5 s (spans) and 60 s (metrics).
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
    };

    protected override IReadOnlyDictionary<string, string> RestateEnvironment => new Dictionary<string, string>
    {
        ["RESTATE_TRACING_ENDPOINT"] = Receiver.GrpcEndpoint.ToString(),
    };

    public override async Task InitializeAsync()
    {
        Receiver = await OtlpReceiver.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
