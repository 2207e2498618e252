using System.Text.Json;

namespace SkAgentSession.Tests.Support;

/// <summary>Reads the parts of a recorded chat-completions request that tests check.</summary>
internal static class RequestBody
{
    public static string SystemPrompt(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("messages")[0].GetProperty("content").GetString()!;
    }

    public static string[] ToolNames(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("tools", out var tools)
            ? [.. tools.EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString()!)]
            : [];
    }
}
