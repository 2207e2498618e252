using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SkAgentSession.Telemetry;

namespace SkAgentSession.Tests.Telemetry;

/// <summary>Telemetry is on only when an OTLP endpoint is set, and then only for the signals that have one.</summary>
public class TelemetryRegistrationTests
{
    [Fact]
    public void Nothing_set_registers_no_tracer_or_meter_provider()
    {
        using var app = Build([]);

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }

    [Fact]
    public void A_common_endpoint_turns_on_traces_and_metrics()
    {
        using var app = Build(new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:1" });

        Assert.NotNull(app.Services.GetService<TracerProvider>());
        Assert.NotNull(app.Services.GetService<MeterProvider>());
    }

    [Fact]
    public void A_traces_endpoint_turns_on_traces_only()
    {
        using var app = Build(new() { ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = "http://127.0.0.1:1/v1/traces" });

        Assert.NotNull(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData(null, null, null, false, false, "SkAgentSession")]
    [InlineData("http://c:4318", null, null, true, true, "SkAgentSession")]
    [InlineData(null, null, "http://c:4318/v1/metrics", false, true, "SkAgentSession")]
    [InlineData("http://c:4318", "true", null, false, false, "SkAgentSession")]
    public void Settings_follow_the_standard_variables(string? endpoint, string? disabled, string? metricsEndpoint, bool traces, bool metrics, string service)
    {
        var settings = OtlpSettings.From(Configuration(new()
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
            ["OTEL_SDK_DISABLED"] = disabled,
            ["OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"] = metricsEndpoint,
        }));

        Assert.Equal(new OtlpSettings(traces, metrics, service), settings);
    }

    [Fact]
    public void OTEL_SERVICE_NAME_names_the_service()
    {
        var settings = OtlpSettings.From(Configuration(new() { ["OTEL_SERVICE_NAME"] = "agents-eu" }));

        Assert.Equal("agents-eu", settings.ServiceName);
    }

    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        // An empty builder reads no environment variables: only the settings given count.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddSkAgentSessionTelemetry();
        return builder.Build();
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
