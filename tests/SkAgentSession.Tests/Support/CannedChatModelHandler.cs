using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace SkAgentSession.Tests.Support;

/// <summary>
/// A model that answers with prepared chat-completions responses in order, for shapes the
/// scripted model never produces (text together with tool calls, several calls at once, odd
/// argument text). Streamed requests get the same answers as an event stream.
/// </summary>
internal sealed class CannedChatModelHandler(params string[] responses) : HttpMessageHandler
{
    private readonly ConcurrentQueue<string> _responses = new(responses);

    public static string Text(string content) => Completion(content, []);

    public static string Calls(string? content, params (string Id, string Name, string Arguments)[] calls) => Completion(content, calls);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_responses.TryDequeue(out var body))
        {
            throw new InvalidOperationException("The canned model ran out of responses.");
        }

        var requestBody = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = CompletionStream.IsRequested(requestBody)
                ? CompletionStream.Content(body)
                : new StringContent(body, Encoding.UTF8, "application/json"),
        };
    }

    private static string Completion(string? content, (string Id, string Name, string Arguments)[] calls) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = "chatcmpl-canned",
            ["object"] = "chat.completion",
            ["created"] = 1_767_225_600,
            ["model"] = "canned",
            ["choices"] = new object[]
            {
                new Dictionary<string, object?>
                {
                    ["index"] = 0,
                    ["message"] = new Dictionary<string, object?>
                    {
                        ["role"] = "assistant",
                        ["content"] = content,
                        ["tool_calls"] = calls.Length == 0 ? null : calls.Select(c => new Dictionary<string, object?>
                        {
                            ["id"] = c.Id,
                            ["type"] = "function",
                            ["function"] = new Dictionary<string, object?> { ["name"] = c.Name, ["arguments"] = c.Arguments },
                        }).ToArray(),
                    },
                    ["finish_reason"] = calls.Length == 0 ? "stop" : "tool_calls",
                },
            },
            ["usage"] = new Dictionary<string, int> { ["prompt_tokens"] = 1, ["completion_tokens"] = 1, ["total_tokens"] = 2 },
        });
}
