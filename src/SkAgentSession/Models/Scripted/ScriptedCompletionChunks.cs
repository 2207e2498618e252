using System.Text;
using System.Text.Json;

namespace SkAgentSession.Models.Scripted;

/// <summary>
/// Writes a streamed answer as OpenAI writes it: <c>chat.completion.chunk</c> objects (the role
/// first, then the text word by word or the tool call with its arguments in pieces, then the
/// finish reason), a usage chunk when the request asked for one, and <c>[DONE]</c>.
/// </summary>
internal static class ScriptedCompletionChunks
{
    public static IReadOnlyList<ScriptedStreamEvent> Build(ScriptedChatRequest request, ScriptedReply reply, string callId, int promptChars)
    {
        var events = new List<ScriptedStreamEvent>();
        if (reply.Text is not null)
        {
            events.Add(Chunk(request, json =>
            {
                json.WriteString("role", "assistant");
                json.WriteString("content", string.Empty);
                json.WriteNull("refusal");
            }));
            events.AddRange(ScriptedTokenizer.Words(reply.Text).Select(word => Chunk(request, json => json.WriteString("content", word), isToken: true)));
        }
        else
        {
            events.Add(Chunk(request, json =>
            {
                json.WriteString("role", "assistant");
                json.WriteNull("content");
                WriteToolCall(json, () =>
                {
                    json.WriteString("id", callId);
                    json.WriteString("type", "function");
                    json.WriteStartObject("function");
                    json.WriteString("name", reply.FunctionName);
                    json.WriteString("arguments", string.Empty);
                    json.WriteEndObject();
                });
                json.WriteNull("refusal");
            }));
            events.AddRange(ScriptedTokenizer.ArgumentPieces(ScriptedCompletionJson.ArgumentsText(reply)).Select(piece => Chunk(
                request,
                json => WriteToolCall(json, () =>
                {
                    json.WriteStartObject("function");
                    json.WriteString("arguments", piece);
                    json.WriteEndObject();
                }),
                isToken: true)));
        }

        events.Add(Chunk(request, _ => { }, finishReason: ScriptedCompletionJson.FinishReason(reply)));
        if (request.IncludeUsage)
        {
            events.Add(UsageChunk(request, reply, promptChars));
        }

        events.Add(ScriptedStreamEvent.Done);
        return events;
    }

    /// <summary>The one tool call of the answer (index 0), with the fields this chunk carries.</summary>
    private static void WriteToolCall(Utf8JsonWriter json, Action writeFields)
    {
        json.WriteStartArray("tool_calls");
        json.WriteStartObject();
        json.WriteNumber("index", 0);
        writeFields();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static ScriptedStreamEvent Chunk(ScriptedChatRequest request, Action<Utf8JsonWriter> writeDelta, string? finishReason = null, bool isToken = false) =>
        new(Write(request, json =>
        {
            json.WriteStartArray("choices");
            json.WriteStartObject();
            json.WriteNumber("index", 0);
            json.WriteStartObject("delta");
            writeDelta(json);
            json.WriteEndObject();
            json.WriteNull("logprobs");
            if (finishReason is null)
            {
                json.WriteNull("finish_reason");
            }
            else
            {
                json.WriteString("finish_reason", finishReason);
            }

            json.WriteEndObject();
            json.WriteEndArray();
            if (request.IncludeUsage)
            {
                // OpenAI sends "usage": null on every chunk but the last when usage is requested.
                json.WriteNull("usage");
            }
        }), isToken);

    private static ScriptedStreamEvent UsageChunk(ScriptedChatRequest request, ScriptedReply reply, int promptChars) =>
        new(Write(request, json =>
        {
            json.WriteStartArray("choices");
            json.WriteEndArray();
            ScriptedCompletionJson.WriteUsage(json, reply, promptChars);
        }), IsToken: false);

    private static string Write(ScriptedChatRequest request, Action<Utf8JsonWriter> writeBody)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", ScriptedCompletionJson.CompletionId(request));
            json.WriteString("object", "chat.completion.chunk");
            json.WriteNumber("created", ScriptedCompletionJson.CreatedUnixSeconds);
            json.WriteString("model", request.Model);
            json.WriteString("system_fingerprint", "scripted-demo");
            writeBody(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
