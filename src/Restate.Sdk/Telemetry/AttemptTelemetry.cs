using System.Diagnostics;
using Restate.Sdk.Endpoint;
using Restate.Sdk.StateMachine;

namespace Restate.Sdk.Telemetry;

/// <summary>
/// The span and metrics of one invocation attempt. Exists only while something listens to the
/// SDK's source or meter, so an unobserved attempt pays for nothing but the check.
/// </summary>
internal sealed class AttemptTelemetry
{
    private readonly InvocationRequest _request;
    private readonly Activity? _activity;
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();
    private bool _isFirstAttempt;
    private bool _replayed;

    private AttemptTelemetry(InvocationRequest request, Activity? activity)
    {
        _request = request;
        _activity = activity;
    }

    /// <summary>Starts the attempt's span (when traced) and makes it current for the handler's code.</summary>
    public static AttemptTelemetry? Begin(InvocationRequest request, ActivityContext remoteParent)
    {
        var traced = RestateTelemetry.Source.HasListeners();
        if (!traced && !InvocationMetrics.Enabled)
        {
            return null;
        }

        return new AttemptTelemetry(request, traced ? StartActivity(request, remoteParent) : null);
    }

    /// <summary>What the runtime's Start message says about the attempt.</summary>
    public void Started(StartInfo start)
    {
        _isFirstAttempt = start.KnownEntries <= 1 && start.RetryCountSinceLastStoredEntry == 0;

        // The input command is always in the journal; anything past it is replayed.
        _replayed = start.KnownEntries > 1;
        if (_activity is { IsAllDataRequested: true } activity)
        {
            activity.SetTag(TelemetryNames.InvocationId, start.DebugId);
            activity.SetTag(TelemetryNames.InvocationTarget, Target(start.Key));
            activity.SetTag(TelemetryNames.InvocationAttempt, (long)start.RetryCountSinceLastStoredEntry + 1);
            activity.SetTag(TelemetryNames.InvocationReplayed, _replayed);
            activity.SetTag(TelemetryNames.JournalKnownEntries, (long)start.KnownEntries);
        }
    }

    public void End(ClosedReason reason)
    {
        var outcome = AttemptOutcome.Of(reason);
        if (_activity is { } activity)
        {
            activity.SetTag(TelemetryNames.InvocationOutcome, outcome);
            if (outcome is AttemptOutcome.Failed or AttemptOutcome.Aborted)
            {
                activity.SetStatus(ActivityStatusCode.Error, outcome);
            }

            activity.Stop();
        }

        InvocationMetrics.RecordAttempt(_request.ServiceName, _request.HandlerName, _isFirstAttempt, _replayed, outcome, _startTimestamp);
    }

    private static Activity? StartActivity(InvocationRequest request, ActivityContext remoteParent)
    {
        var name = request.ServiceName + "/" + request.HandlerName;

        // A span that a listened-to source started for this request (ASP.NET Core's, say) already
        // continues Restate's context: nest under it. An unlistened one (ASP.NET Core makes one for
        // logging) is exported by nobody, so parent on the remote context instead.
        if (Activity.Current is { Source.Name.Length: > 0 })
        {
            return RestateTelemetry.Source.StartActivity(name, ActivityKind.Internal);
        }

        var ambient = Activity.Current;
        Activity.Current = null;
        var activity = RestateTelemetry.Source.StartActivity(name, ActivityKind.Server, remoteParent);
        if (activity is null)
        {
            // Not sampled: leave the handler the ambient activity (logging scopes read its trace id).
            Activity.Current = ambient;
        }

        return activity;
    }

    private string Target(string key) => _request.ServiceKind == ServiceKind.Service || key.Length == 0
        ? _request.ServiceName + "/" + _request.HandlerName
        : _request.ServiceName + "/" + key + "/" + _request.HandlerName;
}
