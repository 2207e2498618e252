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
    private readonly ActivityContext _requestParent;
    private readonly bool _traced;
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();
    private readonly DateTime _startTime;
    private Activity? _activity;
    private bool _isFirstAttempt;
    private bool _replayed;

    private AttemptTelemetry(InvocationRequest request, ActivityContext requestParent, bool traced)
    {
        _request = request;
        _requestParent = requestParent;
        _traced = traced;
        _startTime = traced ? DateTime.UtcNow : default;
    }

    /// <summary>Called when the request arrives; <paramref name="requestParent"/> is the trace context of its HTTP headers.</summary>
    public static AttemptTelemetry? Begin(InvocationRequest request, ActivityContext requestParent)
    {
        var traced = RestateTelemetry.Source.HasListeners();
        return traced || InvocationMetrics.Enabled ? new AttemptTelemetry(request, requestParent, traced) : null;
    }

    /// <summary>
    /// Once the journal's input is known: starts the attempt's span (backdated to the request's
    /// arrival) as the current activity, which the handler's code inherits.
    /// </summary>
    public void Started(StartInfo start, IReadOnlyDictionary<string, string> inputHeaders)
    {
        _isFirstAttempt = start.KnownEntries <= 1 && start.RetryCountSinceLastStoredEntry == 0;

        // The input command is always in the journal; anything past it is replayed.
        _replayed = start.KnownEntries > 1;
        if (!_traced || StartActivity(inputHeaders) is not { } activity)
        {
            return;
        }

        _activity = activity;
        activity.SetStartTime(_startTime);
        if (activity.IsAllDataRequested)
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

    private Activity? StartActivity(IReadOnlyDictionary<string, string> inputHeaders)
    {
        var name = _request.ServiceName + "/" + _request.HandlerName;
        var ambient = Activity.Current;

        // restate-server sends traceparent with the request only when its own tracing is on; then a
        // span that a listened-to source started for this request (ASP.NET Core's) already continues
        // it, and the attempt nests under that. Otherwise the caller's context is in the input's
        // headers, and ASP.NET Core's span (if any) began a trace of its own: continue the caller's.
        var parent = _requestParent != default ? _requestParent : TraceContext.FromHeaders(inputHeaders);
        if (ambient is { Source.Name.Length: > 0 } && (_requestParent != default || parent == default))
        {
            return RestateTelemetry.Source.StartActivity(name, ActivityKind.Internal);
        }

        if (parent != default)
        {
            return RestateTelemetry.Source.StartActivity(name, ActivityKind.Server, parent);
        }

        // No context anywhere: a root span, not a child of an unlistened activity that nobody exports.
        Activity.Current = null;
        var activity = RestateTelemetry.Source.StartActivity(name, ActivityKind.Server);
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
