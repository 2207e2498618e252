using System.Text.Json;
using SkAgentSession.Agents;
using SkAgentSession.Airline;
using SkAgentSession.Models;
using SkAgentSession.Models.Scripted;
using SkAgentSession.Tests.Support;

namespace SkAgentSession.Tests.Models;

public sealed class ScriptedModelTests
{
    [Fact]
    public async Task Unrecognised_message_gets_a_reply_that_quotes_it_and_says_it_is_a_scripted_model()
    {
        using var harness = new ScriptedHarness();
        const string message = "<img src=x onerror=alert(1)>";

        var result = await harness.Runner.RunTurnAsync([], AirlineAgentNames.Triage, new AirlineContext(), message);

        Assert.Contains($"You said: \"{message}\"", result.Reply, StringComparison.Ordinal);
        Assert.StartsWith("This is a scripted demo model, not a real LLM", result.Reply, StringComparison.Ordinal);
        Assert.Equal(AirlineAgentNames.Triage, result.ActiveAgent);
    }

    [Fact]
    public async Task Greeting_says_it_is_a_scripted_model()
    {
        using var harness = new ScriptedHarness();

        var result = await harness.Runner.RunTurnAsync([], AirlineAgentNames.Triage, new AirlineContext(), "Hello!");

        Assert.Contains("scripted demo model (not a real LLM)", result.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Injected_503s_are_retryable_and_used_up_per_message()
    {
        using var harness = new ScriptedHarness();
        const string message = "Is there wifi? #model-fail:2:503";

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var error = await Assert.ThrowsAsync<RetryableModelException>(
                () => harness.Runner.RunTurnAsync([], AirlineAgentNames.Triage, new AirlineContext(), message));
            Assert.Equal(503, error.StatusCode);
            Assert.True(error.IsRetryable);
        }

        var result = await harness.Runner.RunTurnAsync([], AirlineAgentNames.Triage, new AirlineContext(), message);
        Assert.Equal(AirlineTools.WifiAnswer, result.Reply);
        Assert.Equal(2 + 3, harness.Counter.CountFor(message));
        Assert.Equal(5, harness.Counter.Total);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(408)]
    public async Task Throttling_and_server_errors_are_retryable(int status)
    {
        using var harness = new ScriptedHarness();

        var error = await Assert.ThrowsAsync<RetryableModelException>(
            () => harness.Runner.RunTurnAsync([], AirlineAgentNames.Triage, new AirlineContext(), $"hi #model-fail:1:{status}"));

        Assert.Equal(status, error.StatusCode);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(400)]
    [InlineData(404)]
    public async Task Rejected_requests_are_not_retryable(int status)
    {
        using var harness = new ScriptedHarness();

        var error = await Assert.ThrowsAsync<NonRetryableModelException>(
            () => harness.Runner.RunTurnAsync([], AirlineAgentNames.Triage, new AirlineContext(), $"hi #model-fail:1:{status}"));

        Assert.Equal(status, error.StatusCode);
        Assert.False(error.IsRetryable);
        Assert.Contains($"HTTP {status}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_slower_than_the_request_timeout_is_a_retryable_timeout()
    {
        using var harness = new ScriptedHarness(requestTimeout: TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<RetryableModelException>(
            () => harness.Runner.RunTurnAsync([], AirlineAgentNames.Triage, new AirlineContext(), "hi #model-slow:5000"));

        Assert.Null(error.StatusCode);
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_model_answers_after_the_delay()
    {
        using var harness = new ScriptedHarness();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await harness.Runner.RunTurnAsync([], AirlineAgentNames.Triage, new AirlineContext(), "hi #model-slow:400");

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(390), $"answered after {watch.Elapsed}");
    }

    [Fact]
    public async Task Call_log_gets_one_line_per_model_request()
    {
        var path = Path.Combine(Path.GetTempPath(), $"skas-calls-{Guid.NewGuid():N}.jsonl");
        try
        {
            using var harness = new ScriptedHarness(scriptedOptions: new ScriptedModelOptions { CallLogPath = path });

            await harness.Runner.RunTurnAsync([], AirlineAgentNames.Triage, new AirlineContext(), "How much baggage can I bring?");

            var lines = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
            Assert.Equal(3, lines.Length);
            Assert.All(lines, l => Assert.Equal("How much baggage can I bring?", l.GetProperty("lastUserMessage").GetString()));
            Assert.Equal([1, 2, 3], lines.Select(l => l.GetProperty("attempt").GetInt32()));
            Assert.All(lines, l => Assert.Equal(200, l.GetProperty("status").GetInt32()));
            Assert.All(lines, l => Assert.Equal(Environment.ProcessId, l.GetProperty("processId").GetInt32()));
            Assert.Equal("transfer_to_faq_agent", lines[0].GetProperty("tools")[0].GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Handlers_sharing_a_call_log_share_the_fault_budget_and_lose_no_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"skas-calls-{Guid.NewGuid():N}.jsonl");
        try
        {
            // Two handlers stand for two processes (say, before and after a restart).
            var options = new ScriptedModelOptions { CallLogPath = path, TestHooks = true };
            using var first = new HttpClient(new ScriptedChatModelHandler(new ScriptedModelRequestCounter(), options, TimeProvider.System));
            using var second = new HttpClient(new ScriptedChatModelHandler(new ScriptedModelRequestCounter(), options, TimeProvider.System));
            const string failing = "hi #model-fail:2:503";

            Assert.Equal(503, await StatusAsync(first, failing));
            Assert.Equal(503, await StatusAsync(second, failing));
            Assert.Equal(200, await StatusAsync(first, failing));

            var parallel = Enumerable.Range(0, 40).Select(i => StatusAsync(i % 2 == 0 ? first : second, "parallel"));
            Assert.All(await Task.WhenAll(parallel), s => Assert.Equal(200, s));

            var attempts = File.ReadAllLines(path)
                .Select(l => JsonDocument.Parse(l).RootElement)
                .Where(l => l.GetProperty("lastUserMessage").GetString() == "parallel")
                .Select(l => l.GetProperty("attempt").GetInt32())
                .Order();
            Assert.Equal(Enumerable.Range(1, 40), attempts);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Requests_that_are_not_chat_completions_get_clear_errors()
    {
        using var client = new HttpClient(new ScriptedChatModelHandler(new ScriptedModelRequestCounter(), new ScriptedModelOptions(), TimeProvider.System));

        var wrongPath = await client.PostAsync(new Uri("http://scripted.invalid/v1/embeddings"), new StringContent("{}"));
        var notJson = await client.PostAsync(new Uri("http://scripted.invalid/v1/chat/completions"), new StringContent("not json"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, wrongPath.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, notJson.StatusCode);
    }

    [Theory]
    [InlineData("I want to change my seat", true, false)]
    [InlineData("Can I switch seats?", true, false)]
    [InlineData("How many seats are on the plane?", false, true)]
    [InlineData("What does the seat map look like?", false, true)]
    [InlineData("How heavy can my bag be?", false, true)]
    [InlineData("Good morning", false, false)]
    public void Intent_detection(string text, bool seatChange, bool faq)
    {
        Assert.Equal(seatChange, ScriptedAirlinePolicy.IsSeatChange(text));
        Assert.Equal(faq, ScriptedAirlinePolicy.IsFaqQuestion(text));
    }

    [Theory]
    [InlineData("my code is abc123 and I want 12a", "ABC123", "12A")]
    [InlineData("Confirmation: XY7Q2Z", "XY7Q2Z", null)]
    [InlineData("seat 30F", null, "30F")]
    [InlineData("seat 31F or ABCDEF", null, null)]
    public void Details_are_read_from_free_text(string text, string? confirmation, string? seat)
    {
        Assert.Equal(confirmation, ScriptedAirlinePolicy.FindConfirmation(text));
        Assert.Equal(seat, ScriptedAirlinePolicy.FindSeat(text));
    }

    private static async Task<int> StatusAsync(HttpClient client, string userMessage)
    {
        var body = JsonSerializer.Serialize(new
        {
            model = "scripted-demo",
            messages = new[] { new { role = "user", content = userMessage } },
            tools = new[] { new { type = "function", function = new { name = "transfer_to_faq_agent" } } },
        });
        using var response = await client.PostAsync(new Uri("http://scripted.invalid/v1/chat/completions"), new StringContent(body));
        return (int)response.StatusCode;
    }

    [Fact]
    public async Task Without_test_hooks_a_fault_marker_is_just_text()
    {
        using var client = new HttpClient(new ScriptedChatModelHandler(new ScriptedModelRequestCounter(), new ScriptedModelOptions { TokenDelayMs = 0 }, TimeProvider.System));

        Assert.Equal(200, await StatusAsync(client, "hi #model-fail:1:503"));
    }

    [Fact]
    public void The_request_counter_remembers_only_the_latest_messages()
    {
        var counter = new ScriptedModelRequestCounter();
        for (var i = 0; i <= ScriptedModelRequestCounter.Capacity; i++)
        {
            counter.Record($"message {i}");
        }

        counter.Record("message 1");

        Assert.Equal(0, counter.CountFor("message 0"));
        Assert.Equal(2, counter.CountFor("message 1"));
        Assert.Equal(1, counter.CountFor($"message {ScriptedModelRequestCounter.Capacity}"));
        Assert.Equal(ScriptedModelRequestCounter.Capacity + 2, counter.Total);
    }
}
