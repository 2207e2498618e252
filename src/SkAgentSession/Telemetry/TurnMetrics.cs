namespace SkAgentSession.Telemetry;

/// <summary>
/// Records a chat turn's end. The duration runs from the user's message (its durable timestamp, the
/// same in every attempt) to the end, so it covers the whole turn: retried attempts, a suspension
/// while an approval was awaited, and the attempt that finished it.
/// </summary>
internal readonly struct TurnMetrics
{
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";

    private readonly DateTimeOffset _messageTime;
    private readonly TimeProvider _clock;

    private TurnMetrics(DateTimeOffset messageTime, TimeProvider clock)
    {
        _messageTime = messageTime;
        _clock = clock;
    }

    /// <param name="messageTime">When the turn's user message was taken (journaled).</param>
    /// <param name="clock">The wall clock the end is read from; a metric is not journaled.</param>
    public static TurnMetrics Start(DateTimeOffset messageTime, TimeProvider? clock = null) => new(messageTime, clock ?? TimeProvider.System);

    public void End(string outcome)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        AppTelemetry.Turns.Add(1, tag);
        if (AppTelemetry.TurnDuration.Enabled)
        {
            var seconds = Math.Max(0, (_clock.GetUtcNow() - _messageTime).TotalSeconds);
            AppTelemetry.TurnDuration.Record(seconds, tag);
        }
    }
}
