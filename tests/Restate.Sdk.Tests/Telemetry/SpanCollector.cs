using System.Collections.Concurrent;
using System.Diagnostics;

namespace Restate.Sdk.Tests.Telemetry;

/// <summary>
/// Records every finished span of the SDK's source (and of this test's own source). Listeners are
/// process-wide and tests run in parallel, so a test reads only the spans of its own trace.
/// </summary>
internal sealed class SpanCollector : IDisposable
{
    public const string TestSourceName = "Restate.Sdk.Tests.Telemetry";

    public static readonly ActivitySource TestSource = new(TestSourceName);

    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public SpanCollector()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is RestateDiagnostics.ActivitySourceName or TestSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> SdkSpansOf(ActivityTraceId trace) =>
        [.. _stopped.Where(a => a.TraceId == trace && a.Source.Name == RestateDiagnostics.ActivitySourceName)];

    public IReadOnlyList<Activity> SpansOf(ActivityTraceId trace) => [.. _stopped.Where(a => a.TraceId == trace)];

    public void Dispose() => _listener.Dispose();
}
