using System.Text;
using System.Text.Json;

namespace SkAgentSession.Models.Scripted;

/// <summary>The parts of an OpenAI chat-completions request body the scripted model looks at.</summary>
internal sealed record ScriptedChatRequest(
    string Model,
    bool Stream,
    bool IncludeUsage,
    IReadOnlyList<ScriptedChatMessage> Messages,
    IReadOnlySet<string> ToolNames)
{
    public string? LastUserText => Messages.LastOrDefault(m => m.Role == "user")?.Text;

    /// <summary>The function name a tool message answers (looked up from the earlier call).</summary>
    public string? ToolNameOf(ScriptedChatMessage toolMessage) =>
        Messages.SelectMany(m => m.ToolCalls).FirstOrDefault(c => c.Id == toolMessage.ToolCallId)?.Name;

    /// <exception cref="JsonException">Not a chat-completions request.</exception>
    public static ScriptedChatRequest Parse(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("The request body has no 'messages' array.");
        }

        var model = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : string.Empty;
        var stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        var includeUsage = root.TryGetProperty("stream_options", out var so)
            && so.ValueKind == JsonValueKind.Object
            && so.TryGetProperty("include_usage", out var usage)
            && usage.ValueKind == JsonValueKind.True;
        var tools = new HashSet<string>(StringComparer.Ordinal);
        if (root.TryGetProperty("tools", out var toolArray) && toolArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var tool in toolArray.EnumerateArray())
            {
                if (tool.TryGetProperty("function", out var function) && function.TryGetProperty("name", out var name) && name.GetString() is { } toolName)
                {
                    tools.Add(toolName);
                }
            }
        }

        return new ScriptedChatRequest(model, stream, includeUsage, [.. messages.EnumerateArray().Select(ParseMessage)], tools);
    }

    private static ScriptedChatMessage ParseMessage(JsonElement message)
    {
        var role = message.TryGetProperty("role", out var r) ? r.GetString() ?? string.Empty : string.Empty;
        var toolCalls = new List<ScriptedToolCall>();
        if (message.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array)
        {
            foreach (var call in calls.EnumerateArray())
            {
                var function = call.GetProperty("function");
                toolCalls.Add(new ScriptedToolCall(
                    call.GetProperty("id").GetString() ?? string.Empty,
                    function.GetProperty("name").GetString() ?? string.Empty,
                    function.TryGetProperty("arguments", out var args) ? args.GetString() ?? string.Empty : string.Empty));
            }
        }

        var toolCallId = message.TryGetProperty("tool_call_id", out var id) ? id.GetString() : null;
        return new ScriptedChatMessage(role, ContentText(message), toolCalls, toolCallId);
    }

    private static string ContentText(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return string.Empty;
        }

        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString() ?? string.Empty;
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var part in content.EnumerateArray())
        {
            if (part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            {
                text.Append(t.GetString());
            }
        }

        return text.ToString();
    }
}
