using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Restate.Sdk.Telemetry;

/// <summary>
/// The SDK's metrics, recorded once per invocation attempt when it ends. Tags are the service and
/// handler (never the key: that would make one time series per object).
/// </summary>
internal static class InvocationMetrics
{
    private static readonly Counter<long> Invocations = RestateTelemetry.Meter.CreateCounter<long>(
        "restate.invocations", "{invocation}", "Invocations started: attempts that began with nothing to replay.");

    private static readonly Counter<long> Attempts = RestateTelemetry.Meter.CreateCounter<long>(
        "restate.invocation.attempts", "{attempt}", "Invocation attempts, by outcome (completed, suspended, failed, aborted).");

    private static readonly Counter<long> Replays = RestateTelemetry.Meter.CreateCounter<long>(
        "restate.invocation.replays", "{attempt}", "Attempts that began by replaying journal entries.");

    private static readonly Counter<long> Suspensions = RestateTelemetry.Meter.CreateCounter<long>(
        "restate.invocation.suspensions", "{attempt}", "Attempts that ended by suspending the invocation.");

    private static readonly Counter<long> Errors = RestateTelemetry.Meter.CreateCounter<long>(
        "restate.invocation.errors", "{attempt}", "Attempts that ended with an error Restate retries, or a broken connection.");

    private static readonly Histogram<double> AttemptDuration = RestateTelemetry.Meter.CreateHistogram<double>(
        "restate.invocation.attempt.duration", "s", "How long an invocation attempt took, from the request to its last frame.");

    public static bool Enabled => Attempts.Enabled || AttemptDuration.Enabled || Invocations.Enabled
        || Replays.Enabled || Suspensions.Enabled || Errors.Enabled;

    public static void RecordAttempt(string service, string handler, bool isFirstAttempt, bool replayed, string outcome, long startTimestamp)
    {
        var target = new TagList
        {
            { TelemetryNames.Service, service },
            { TelemetryNames.Handler, handler },
        };
        if (isFirstAttempt)
        {
            Invocations.Add(1, target);
        }

        if (replayed)
        {
            Replays.Add(1, target);
        }

        if (outcome == AttemptOutcome.Suspended)
        {
            Suspensions.Add(1, target);
        }
        else if (outcome is AttemptOutcome.Failed or AttemptOutcome.Aborted)
        {
            Errors.Add(1, target);
        }

        var withOutcome = target;
        withOutcome.Add(TelemetryNames.InvocationOutcome, outcome);
        Attempts.Add(1, withOutcome);
        AttemptDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, withOutcome);
    }
}
