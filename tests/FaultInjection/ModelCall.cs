namespace SkAgentSession.FaultInjection;

/// <summary>One line of the scripted model's call log: a model request, when and by which process, for which user message.</summary>
internal sealed record ModelCall(DateTimeOffset Timestamp, int ProcessId, string LastUserMessage);
