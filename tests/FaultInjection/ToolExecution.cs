namespace SkAgentSession.FaultInjection;

/// <summary>One execution of a tool, as a side-effect record shows it: which call (by id), when, by which process.</summary>
internal sealed record ToolExecution(string CallId, string Name, DateTimeOffset Timestamp, int ProcessId);
