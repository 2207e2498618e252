using System.Diagnostics;
using System.Diagnostics.Metrics;
using Restate.Sdk;

namespace Restate.Sdk.Bench.Service;

/// <summary>
/// With <c>BENCH_SDK_TELEMETRY=1</c>: listens to the SDK's ActivitySource (every span sampled and
/// recorded) and Meter (every instrument), dropping what they produce, so the benchmark prices the
/// SDK's instrumentation when it is on, without an exporter's own cost.
/// </summary>
internal static class TelemetryListeners
{
    public static IDisposable? StartIfAsked()
    {
        if (Environment.GetEnvironmentVariable("BENCH_SDK_TELEMETRY") != "1")
        {
            return null;
        }

        var spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name == RestateDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(spans);

        var metrics = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == RestateDiagnostics.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        metrics.SetMeasurementEventCallback<long>((_, _, _, _) => { });
        metrics.SetMeasurementEventCallback<double>((_, _, _, _) => { });
        metrics.Start();
        Console.WriteLine("SDK telemetry listeners on (BENCH_SDK_TELEMETRY=1)");
        return new Listeners(spans, metrics);
    }

    private sealed class Listeners(ActivityListener spans, MeterListener metrics) : IDisposable
    {
        public void Dispose()
        {
            spans.Dispose();
            metrics.Dispose();
        }
    }
}
