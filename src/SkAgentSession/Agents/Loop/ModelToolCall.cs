namespace SkAgentSession.Agents.Loop;

/// <summary>A tool call as the model wrote it: its arguments are the raw text it sent.</summary>
internal sealed record ModelToolCall(string CallId, string Name, string Arguments);
