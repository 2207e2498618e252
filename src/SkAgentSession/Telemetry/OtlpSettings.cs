namespace SkAgentSession.Telemetry;

/// <summary>What the standard <c>OTEL_*</c> variables say about exporting: a signal is exported only when an endpoint is set for it.</summary>
internal sealed record OtlpSettings(bool ExportTraces, bool ExportMetrics, string ServiceName)
{
    public const string DefaultServiceName = "SkAgentSession";

    public bool IsOn => ExportTraces || ExportMetrics;

    public static OtlpSettings From(IConfiguration configuration)
    {
        if (string.Equals(configuration["OTEL_SDK_DISABLED"], "true", StringComparison.OrdinalIgnoreCase))
        {
            return new OtlpSettings(false, false, DefaultServiceName);
        }

        var common = IsSet(configuration, "OTEL_EXPORTER_OTLP_ENDPOINT");
        return new OtlpSettings(
            common || IsSet(configuration, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"),
            common || IsSet(configuration, "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"),
            configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : DefaultServiceName);
    }

    private static bool IsSet(IConfiguration configuration, string name) => !string.IsNullOrWhiteSpace(configuration[name]);
}
