using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SkAgentSession.Airline;
using SkAgentSession.Models.Scripted;
using SkAgentSession.Tests.Support;

namespace SkAgentSession.Tests.Models;

/// <summary>The scripted model's answers to <c>"stream": true</c>, read off the wire.</summary>
public sealed class ScriptedModelStreamingTests
{
    private static readonly Uri Endpoint = new("http://scripted.invalid/v1/chat/completions");

    [Fact]
    public async Task A_text_answer_streams_word_by_word_in_openai_chunks_then_usage_then_done()
    {
        using var model = Invoker(new ScriptedModelOptions { TokenDelayMs = 0 });
        var whole = await AnswerAsync(model, Body("Hello!", stream: false));

        using var response = await model.SendAsync(Post(Body("Hello!", stream: true, includeUsage: true)), CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var events = new ServerSentEvents(await response.Content.ReadAsStreamAsync());
        var data = await events.AllAsync();

        Assert.Equal("[DONE]", data[^1]);
        var chunks = data[..^1].Select(d => JsonDocument.Parse(d).RootElement).ToList();
        Assert.All(chunks, c =>
        {
            Assert.Equal("chat.completion.chunk", c.GetProperty("object").GetString());
            Assert.Equal("chatcmpl-scripted-1", c.GetProperty("id").GetString());
            Assert.Equal(ScriptedChatModelHandler.ModelId, c.GetProperty("model").GetString());
            Assert.True(c.GetProperty("created").GetInt64() > 0);
        });
        var choices = chunks[..^1].Select(c => c.GetProperty("choices").EnumerateArray().Single()).ToList();
        Assert.All(choices, c => Assert.Equal(0, c.GetProperty("index").GetInt32()));
        Assert.All(chunks[..^1], c => Assert.Equal(JsonValueKind.Null, c.GetProperty("usage").ValueKind));

        var first = choices[0].GetProperty("delta");
        Assert.Equal("assistant", first.GetProperty("role").GetString());
        Assert.Equal(string.Empty, first.GetProperty("content").GetString());
        var words = choices[1..^1].Select(c => c.GetProperty("delta").GetProperty("content").GetString()!).ToList();
        Assert.All(choices[..^1], c => Assert.Equal(JsonValueKind.Null, c.GetProperty("finish_reason").ValueKind));
        Assert.Equal(whole.GetProperty("content").GetString(), string.Concat(words));
        Assert.Equal(whole.GetProperty("content").GetString()!.Split(' ').Length, words.Count);
        Assert.Equal("This ", words[0]);

        Assert.Equal("stop", choices[^1].GetProperty("finish_reason").GetString());
        Assert.Empty(choices[^1].GetProperty("delta").EnumerateObject());
        var usage = chunks[^1];
        Assert.Empty(usage.GetProperty("choices").EnumerateArray());
        Assert.True(usage.GetProperty("usage").GetProperty("total_tokens").GetInt32() > 0);
    }

    [Fact]
    public async Task A_tool_call_streams_its_arguments_in_pieces()
    {
        using var model = Invoker(new ScriptedModelOptions { TokenDelayMs = 0 });
        string[] tools = [AirlineTools.FaqLookupName, "transfer_to_triage_agent"];
        var whole = await AnswerAsync(model, Body("How much baggage can I bring?", stream: false, tools: tools));

        using var response = await model.SendAsync(Post(Body("How much baggage can I bring?", stream: true, tools: tools)), CancellationToken.None);
        using var events = new ServerSentEvents(await response.Content.ReadAsStreamAsync());
        var data = await events.AllAsync();

        Assert.Equal("[DONE]", data[^1]);
        var chunks = data[..^1].Select(d => JsonDocument.Parse(d).RootElement).ToList();
        Assert.All(chunks, c => Assert.False(c.TryGetProperty("usage", out _), "no usage unless asked"));
        var deltas = chunks.Select(c => c.GetProperty("choices")[0].GetProperty("delta")).ToList();

        var wholeCall = whole.GetProperty("tool_calls")[0];
        var opening = deltas[0];
        Assert.Equal("assistant", opening.GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, opening.GetProperty("content").ValueKind);
        var openingCall = opening.GetProperty("tool_calls").EnumerateArray().Single();
        Assert.Equal(0, openingCall.GetProperty("index").GetInt32());
        Assert.Equal(wholeCall.GetProperty("id").GetString(), openingCall.GetProperty("id").GetString());
        Assert.Equal("function", openingCall.GetProperty("type").GetString());
        Assert.Equal(AirlineTools.FaqLookupName, openingCall.GetProperty("function").GetProperty("name").GetString());
        Assert.Equal(string.Empty, openingCall.GetProperty("function").GetProperty("arguments").GetString());

        var pieces = deltas[1..^1].Select(d =>
        {
            var call = d.GetProperty("tool_calls").EnumerateArray().Single();
            Assert.Equal(0, call.GetProperty("index").GetInt32());
            Assert.False(call.TryGetProperty("id", out _));
            return call.GetProperty("function").GetProperty("arguments").GetString();
        }).ToList();
        Assert.True(pieces.Count > 2, $"{pieces.Count} pieces");
        Assert.Equal(wholeCall.GetProperty("function").GetProperty("arguments").GetString(), string.Concat(pieces));
        Assert.Equal("tool_calls", chunks[^1].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
    }

    [Fact]
    public async Task Each_word_waits_for_the_token_delay()
    {
        var time = new FakeTimeProvider();
        using var model = new HttpMessageInvoker(new ScriptedChatModelHandler(new ScriptedModelRequestCounter(), new ScriptedModelOptions { TokenDelayMs = 1000 }, time));
        using var response = await model.SendAsync(Post(Body("Hello!", stream: true)), CancellationToken.None);
        using var events = new ServerSentEvents(await response.Content.ReadAsStreamAsync());

        Assert.Contains("\"role\":\"assistant\"", await events.NextAsync(), StringComparison.Ordinal);
        var firstWord = events.NextAsync();
        Assert.False(firstWord.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(firstWord.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Contains("\"content\":\"This \"", await firstWord, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_the_request_stops_the_stream_between_two_words()
    {
        using var model = Invoker(new ScriptedModelOptions { TokenDelayMs = 60_000 });
        using var cancel = new CancellationTokenSource();
        using var response = await model.SendAsync(Post(Body("Hello!", stream: true)), cancel.Token);
        using var events = new ServerSentEvents(await response.Content.ReadAsStreamAsync());
        await events.NextAsync();

        var next = events.NextAsync();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Cancelling_a_read_stops_the_stream_too()
    {
        using var model = Invoker(new ScriptedModelOptions { TokenDelayMs = 60_000 });
        using var response = await model.SendAsync(Post(Body("Hello!", stream: true)), CancellationToken.None);
        using var events = new ServerSentEvents(await response.Content.ReadAsStreamAsync());
        await events.NextAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => events.NextAsync(cancel.Token)).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Fault_markers_fail_a_streamed_request_with_a_json_error()
    {
        using var model = Invoker(new ScriptedModelOptions { TokenDelayMs = 0, TestHooks = true });

        using var failed = await model.SendAsync(Post(Body("hi #model-fail:1:503", stream: true)), CancellationToken.None);
        using var retried = await model.SendAsync(Post(Body("hi #model-fail:1:503", stream: true)), CancellationToken.None);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal("application/json", failed.Content.Headers.ContentType?.MediaType);
        Assert.Equal("scripted_fault", JsonDocument.Parse(await failed.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("text/event-stream", retried.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("Hello, world!  Two spaces.", new[] { "Hello, ", "world!  ", "Two ", "spaces." })]
    [InlineData("  leading and trailing ", new[] { "  leading ", "and ", "trailing " })]
    [InlineData("one", new[] { "one" })]
    [InlineData("", new string[0])]
    public void Text_is_cut_into_words_with_their_trailing_space(string text, string[] words)
    {
        Assert.Equal(words, ScriptedTokenizer.Words(text));
    }

    [Fact]
    public void Argument_pieces_keep_surrogate_pairs_whole()
    {
        const string arguments = """{"question":"Où est le 🛜 wifi? 😀😀😀"}""";

        var pieces = ScriptedTokenizer.ArgumentPieces(arguments);

        Assert.Equal(arguments, string.Concat(pieces));
        Assert.All(pieces, p => Assert.False(char.IsHighSurrogate(p[^1])));
    }

    private static HttpMessageInvoker Invoker(ScriptedModelOptions options) =>
        new(new ScriptedChatModelHandler(new ScriptedModelRequestCounter(), options, TimeProvider.System));

    private static HttpRequestMessage Post(string body) => new(HttpMethod.Post, Endpoint) { Content = new StringContent(body) };

    private static async Task<JsonElement> AnswerAsync(HttpMessageInvoker model, string body)
    {
        using var response = await model.SendAsync(Post(body), CancellationToken.None);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("choices")[0].GetProperty("message").Clone();
    }

    private static string Body(string userMessage, bool stream, bool includeUsage = false, string[]? tools = null)
    {
        var request = new Dictionary<string, object>
        {
            ["model"] = ScriptedChatModelHandler.ModelId,
            ["messages"] = new[] { new { role = "user", content = userMessage } },
        };
        if (stream)
        {
            request["stream"] = true;
        }

        if (includeUsage)
        {
            request["stream_options"] = new { include_usage = true };
        }

        if (tools is not null)
        {
            request["tools"] = tools.Select(t => new { type = "function", function = new { name = t } }).ToArray();
        }

        return JsonSerializer.Serialize(request);
    }
}
