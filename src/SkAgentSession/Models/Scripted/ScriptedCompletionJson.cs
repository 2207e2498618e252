using System.Text;
using System.Text.Json;

namespace SkAgentSession.Models.Scripted;

/// <summary>Writes OpenAI chat-completions response and error bodies.</summary>
internal static class ScriptedCompletionJson
{
    /// <summary>A fixed creation time: the same request gives a byte-identical answer.</summary>
    public const long CreatedUnixSeconds = 1_767_225_600;

    public static string Completion(ScriptedChatRequest request, ScriptedReply reply, string callId, int promptChars)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", CompletionId(request));
            json.WriteString("object", "chat.completion");
            json.WriteNumber("created", CreatedUnixSeconds);
            json.WriteString("model", request.Model);
            json.WriteString("system_fingerprint", "scripted-demo");
            json.WriteStartArray("choices");
            json.WriteStartObject();
            json.WriteNumber("index", 0);
            json.WriteStartObject("message");
            json.WriteString("role", "assistant");
            if (reply.Text is not null)
            {
                json.WriteString("content", reply.Text);
            }
            else
            {
                json.WriteNull("content");
                json.WriteStartArray("tool_calls");
                json.WriteStartObject();
                json.WriteString("id", callId);
                json.WriteString("type", "function");
                json.WriteStartObject("function");
                json.WriteString("name", reply.FunctionName);
                json.WriteString("arguments", ArgumentsText(reply));
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteNull("refusal");
            json.WriteEndObject();
            json.WriteNull("logprobs");
            json.WriteString("finish_reason", FinishReason(reply));
            json.WriteEndObject();
            json.WriteEndArray();

            WriteUsage(json, reply, promptChars);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string CompletionId(ScriptedChatRequest request) => $"chatcmpl-scripted-{request.Messages.Count}";

    /// <summary>
    /// Serialized like Semantic Kernel serializes stored arguments, so a rebuilt history sends the
    /// model the very same text.
    /// </summary>
    public static string ArgumentsText(ScriptedReply reply) => JsonSerializer.Serialize(reply.Arguments);

    public static string FinishReason(ScriptedReply reply) => reply.Text is not null ? "stop" : "tool_calls";

    /// <summary>A rough token count: four characters a token.</summary>
    public static void WriteUsage(Utf8JsonWriter json, ScriptedReply reply, int promptChars)
    {
        var promptTokens = (promptChars / 4) + 1;
        var completionTokens = ((reply.Text?.Length ?? 40) / 4) + 1;
        json.WriteStartObject("usage");
        json.WriteNumber("prompt_tokens", promptTokens);
        json.WriteNumber("completion_tokens", completionTokens);
        json.WriteNumber("total_tokens", promptTokens + completionTokens);
        json.WriteEndObject();
    }

    public static string Error(string message, string type, string? code)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("error");
            json.WriteString("message", message);
            json.WriteString("type", type);
            json.WriteNull("param");
            if (code is null)
            {
                json.WriteNull("code");
            }
            else
            {
                json.WriteString("code", code);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
