namespace SkAgentSession.Events;

/// <summary>The <c>type</c> of a <see cref="TurnEvent"/>, as clients see it in the session's event stream.</summary>
public static class TurnEventTypes
{
    public const string TurnStarted = "turn.started";
    public const string ModelRequest = "model.request";
    public const string TextDelta = "text.delta";
    public const string ToolCall = "tool.call";
    public const string ToolResult = "tool.result";
    public const string Handoff = "handoff";
    public const string TurnRetrying = "turn.retrying";
    public const string ApprovalRequested = "approval.requested";
    public const string ApprovalResolved = "approval.resolved";
    public const string TurnCompleted = "turn.completed";
    public const string TurnFailed = "turn.failed";
    public const string TurnCancelled = "turn.cancelled";

    /// <summary>True for the events that end a turn: completed, failed or cancelled.</summary>
    public static bool IsTerminal(string type) => type is TurnCompleted or TurnFailed or TurnCancelled;
}
