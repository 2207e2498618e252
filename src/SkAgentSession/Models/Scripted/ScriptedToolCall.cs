namespace SkAgentSession.Models.Scripted;

/// <summary>A function call in an assistant message (arguments as the raw JSON text).</summary>
internal sealed record ScriptedToolCall(string Id, string Name, string Arguments);
