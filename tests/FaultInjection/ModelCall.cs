namespace SkAgentSession.FaultInjection;

/// <summary>
/// One line of the scripted model's call log: a model request, when and by which process, for which user message, and
/// how many tools it offered (an agent's request offers at least its handoffs; a history summary request none).
/// </summary>
internal sealed record ModelCall(DateTimeOffset Timestamp, int ProcessId, string LastUserMessage, int ToolCount = 1)
{
    /// <summary>A request of the <c>summarize history</c> step: not one of a turn's agent steps.</summary>
    public bool IsHistorySummary => ToolCount == 0;
}
