namespace SkAgentSession.IntegrationTests.Telemetry;

/// <summary>One data point of a metric as an OTLP exporter sent it: a sum's value, or a histogram's count.</summary>
internal sealed record OtlpMetricPoint(
    string Service,
    string Scope,
    string Metric,
    IReadOnlyDictionary<string, object?> Attributes,
    double Value);
