namespace SkAgentSession.Agents.Loop;

/// <summary>One model response: its text and the tool calls it asks for, in order.</summary>
internal sealed record ModelResponse(string Text, IReadOnlyList<ModelToolCall> Calls);
