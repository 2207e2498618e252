namespace SkAgentSession.Models.Scripted;

/// <summary>One message of a chat-completions request, as the scripted model reads it.</summary>
internal sealed record ScriptedChatMessage(
    string Role,
    string Text,
    IReadOnlyList<ScriptedToolCall> ToolCalls,
    string? ToolCallId);
