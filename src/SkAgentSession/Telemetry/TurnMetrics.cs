using System.Diagnostics;

namespace SkAgentSession.Telemetry;

/// <summary>
/// Records a chat turn's end. Started and ended by the session handler: on an attempt that replays a
/// finished turn's steps the duration covers that attempt only (Restate does not say when the turn began).
/// </summary>
internal readonly struct TurnMetrics
{
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";

    private readonly long _started;

    private TurnMetrics(long started) => _started = started;

    public static TurnMetrics Start() => new(Stopwatch.GetTimestamp());

    public void End(string outcome)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        AppTelemetry.Turns.Add(1, tag);
        if (AppTelemetry.TurnDuration.Enabled)
        {
            AppTelemetry.TurnDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tag);
        }
    }
}
