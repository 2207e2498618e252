using System.Text.Json;
using System.Text.Json.Nodes;
using SkAgentSession.Models.Scripted;

namespace SkAgentSession.Tests.Support;

/// <summary>
/// Lets a fake endpoint that holds whole chat completions answer streamed requests too: the same
/// answer as OpenAI's event stream (one chunk with the message, one with the finish reason, [DONE]).
/// </summary>
internal static class CompletionStream
{
    public static bool IsRequested(string requestBody)
    {
        try
        {
            using var document = JsonDocument.Parse(requestBody);
            return document.RootElement.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The event stream as text, for a real HTTP response.</summary>
    public static string Text(string completionJson) =>
        string.Concat(Events(completionJson).Select(e => $"data: {e.Data}\n\n"));

    /// <summary>
    /// The event stream as a response body that, like a network stream, cannot seek (the OpenAI
    /// client rejects a seekable body it has read).
    /// </summary>
    public static HttpContent Content(string completionJson)
    {
        var content = new StreamContent(new ScriptedEventStream(Events(completionJson), TimeSpan.Zero, TimeProvider.System, CancellationToken.None));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/event-stream");
        return content;
    }

    private static IReadOnlyList<ScriptedStreamEvent> Events(string completionJson)
    {
        var completion = JsonNode.Parse(completionJson)!.AsObject();
        var choice = completion["choices"]![0]!;
        var message = choice["message"]!;
        var delta = new JsonObject { ["role"] = "assistant", ["content"] = message["content"]?.DeepClone() };
        if (message["tool_calls"] is JsonArray calls)
        {
            var streamedCalls = new JsonArray();
            for (var i = 0; i < calls.Count; i++)
            {
                var call = calls[i]!.DeepClone().AsObject();
                call.Insert(0, "index", i);
                streamedCalls.Add(call);
            }

            delta["tool_calls"] = streamedCalls;
        }

        return
        [
            new(Chunk(completion, delta, null), IsToken: false),
            new(Chunk(completion, new JsonObject(), choice["finish_reason"]!.GetValue<string>()), IsToken: false),
            ScriptedStreamEvent.Done,
        ];
    }

    private static string Chunk(JsonObject completion, JsonObject delta, string? finishReason) =>
        new JsonObject
        {
            ["id"] = completion["id"]!.DeepClone(),
            ["object"] = "chat.completion.chunk",
            ["created"] = completion["created"]!.DeepClone(),
            ["model"] = completion["model"]!.DeepClone(),
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["delta"] = delta,
                ["finish_reason"] = finishReason,
            }),
        }.ToJsonString();
}
