namespace Restate.Sdk;

/// <summary>
/// The names under which the SDK reports traces and metrics, for a tracing or metrics pipeline to
/// subscribe to (OpenTelemetry: <c>AddSource</c> / <c>AddMeter</c>). Nothing is recorded unless one does.
/// </summary>
public static class RestateDiagnostics
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/>: a span per invocation attempt, a child span per executed <c>Run</c> step.</summary>
    public const string ActivitySourceName = "Restate.Sdk";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/>: invocation attempts, replays, suspensions, errors and attempt durations.</summary>
    public const string MeterName = "Restate.Sdk";
}
