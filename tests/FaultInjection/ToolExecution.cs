namespace SkAgentSession.FaultInjection;

/// <summary>
/// One execution of a tool call as the event log shows it: the call, the step attempt that ran it, and when its
/// result reached the log (the tool ran before that).
/// </summary>
internal sealed record ToolExecution(string CallId, string Name, string AttemptId, DateTimeOffset SeenAt);
