using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SkAgentSession.Models.Scripted;

/// <summary>
/// The scripted demo model: an <see cref="HttpMessageHandler"/> that answers OpenAI
/// chat-completions requests, plain or streamed (<c>"stream": true</c>, answered as OpenAI's
/// <c>text/event-stream</c> of chunks, <see cref="ScriptedModelOptions.TokenDelayMs"/> apart), without a network, deterministically, by playing
/// the airline agents (<see cref="ScriptedAirlinePolicy"/>). Given to the Semantic Kernel OpenAI
/// connector as its <see cref="HttpClient"/>, so the same connector and automatic function calling
/// run as with a real model.
/// Test hooks: <see cref="ScriptedModelRequestCounter"/>, the call log (<see cref="ScriptedModelOptions.CallLogPath"/>)
/// and fault markers in the user message (<see cref="ScriptedFaults"/>).
/// </summary>
public sealed class ScriptedChatModelHandler : HttpMessageHandler
{
    public const string ModelId = "scripted-demo";

    private readonly ScriptedModelRequestCounter _counter;
    private readonly ScriptedModelCallLog? _callLog;
    private readonly TimeProvider _time;
    private readonly TimeSpan _tokenDelay;
    private readonly bool _testHooks;

    public ScriptedChatModelHandler(ScriptedModelRequestCounter counter, ScriptedModelOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(counter);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _counter = counter;
        _time = time;
        _tokenDelay = TimeSpan.FromMilliseconds(Math.Max(0, options.TokenDelayMs));
        _testHooks = options.TestHooks;
        _callLog = string.IsNullOrWhiteSpace(options.CallLogPath) ? null : new ScriptedModelCallLog(options.CallLogPath, time);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method != HttpMethod.Post || request.RequestUri?.AbsolutePath.EndsWith("/chat/completions", StringComparison.Ordinal) != true)
        {
            return Json(HttpStatusCode.NotFound, ScriptedCompletionJson.Error(
                $"The scripted demo model only serves POST .../chat/completions, not {request.Method} {request.RequestUri?.AbsolutePath}.", "invalid_request_error", "not_found"));
        }

        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        ScriptedChatRequest chat;
        try
        {
            chat = ScriptedChatRequest.Parse(body);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return Json(HttpStatusCode.BadRequest, ScriptedCompletionJson.Error($"Invalid chat-completions request: {ex.Message}", "invalid_request_error", null));
        }

        var lastUserMessage = chat.LastUserText ?? string.Empty;
        var faults = _testHooks ? ScriptedFaults.Parse(lastUserMessage) : ScriptedFaults.None;
        var attempt = _counter.Record(lastUserMessage);
        var status = faults.FailureFor(attempt) ?? 200;
        if (_callLog is not null)
        {
            (_, status) = await _callLog.AppendAsync(lastUserMessage, chat.ToolNames, n => faults.FailureFor(n) ?? 200, cancellationToken).ConfigureAwait(false);
        }

        if (faults.Delay > TimeSpan.Zero)
        {
            await Task.Delay(faults.Delay, _time, cancellationToken).ConfigureAwait(false);
        }

        if (status != 200)
        {
            return Json((HttpStatusCode)status, ScriptedCompletionJson.Error(
                $"Scripted fault injection: HTTP {status}.", status >= 500 ? "server_error" : "invalid_request_error", "scripted_fault"));
        }

        var reply = ScriptedAirlinePolicy.Decide(chat);
        var callId = $"call_{chat.Messages.Sum(m => m.ToolCalls.Count) + 1}";
        if (chat.Stream)
        {
            var events = ScriptedCompletionChunks.Build(chat, reply, callId, body.Length);
            var content = new StreamContent(new ScriptedEventStream(events, _tokenDelay, _time, cancellationToken));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream") { CharSet = "utf-8" };
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        }

        return Json(HttpStatusCode.OK, ScriptedCompletionJson.Completion(chat, reply, callId, body.Length));
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
