using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Restate.Sdk;

namespace SkAgentSession.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Semantic Kernel emits its GenAI spans and metrics (operation, model, token usage) only with this switch on.</summary>
    internal const string SemanticKernelDiagnosticsSwitch = "Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnostics";

    /// <summary>
    /// Traces and metrics over OTLP, configured by the standard <c>OTEL_*</c> variables only
    /// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_SERVICE_NAME</c>, …).
    /// With no OTLP endpoint set nothing is registered: the SDK's and the app's sources have no listener.
    /// Traces: ASP.NET Core, HttpClient (which also sends <c>traceparent</c> to Restate's ingress),
    /// the Restate SDK, the app and Semantic Kernel. Metrics: the same minus HttpClient's spans.
    /// Prompt and completion text never leaves the process (Semantic Kernel's sensitive switch stays off).
    /// </summary>
    public static WebApplicationBuilder AddSkAgentSessionTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = OtlpSettings.From(builder.Configuration);
        if (!settings.IsOn)
        {
            return builder;
        }

        AppContext.SetSwitch(SemanticKernelDiagnosticsSwitch, true);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(settings.ServiceName));
        if (settings.ExportTraces)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = http => !UntracedInvocationRequests.Matches(http))
                .AddHttpClientInstrumentation()
                .AddSource(RestateDiagnostics.ActivitySourceName, AppTelemetry.Name, "Microsoft.SemanticKernel*")
                .AddOtlpExporter());
        }

        if (settings.ExportMetrics)
        {
            telemetry.WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(RestateDiagnostics.MeterName, AppTelemetry.Name, "Microsoft.SemanticKernel*")
                .AddOtlpExporter());
        }

        return builder;
    }
}
