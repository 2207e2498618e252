using System.Text.Json;

namespace SkAgentSession.FaultInjection;

/// <summary>Reads the call log the scripted model writes (<c>SKAS_SCRIPTED_MODEL_CALL_LOG</c>, one JSON object per line).</summary>
internal static class ModelCallLog
{
    public static ILookup<string, ModelCall> ReadByMessage(string path)
    {
        if (!File.Exists(path))
        {
            return Array.Empty<ModelCall>().ToLookup(c => c.LastUserMessage);
        }

        var calls = new List<ModelCall>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var entry = JsonDocument.Parse(line);
            var root = entry.RootElement;
            calls.Add(new ModelCall(
                root.GetProperty("timestamp").GetDateTimeOffset(),
                root.GetProperty("processId").GetInt32(),
                root.GetProperty("lastUserMessage").GetString() ?? string.Empty,
                root.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Array ? tools.GetArrayLength() : 1));
        }

        return calls.ToLookup(c => c.LastUserMessage);
    }
}
