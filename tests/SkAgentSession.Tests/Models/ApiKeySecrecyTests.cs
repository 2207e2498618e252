using System.Net;
using System.Text.Json;
using SkAgentSession.Agents;
using SkAgentSession.Airline;
using SkAgentSession.Models;
using SkAgentSession.Tests.Support;

namespace SkAgentSession.Tests.Models;

public sealed class ApiKeySecrecyTests
{
    private const string Key = "sk-proj-THIS_IS_THE_SECRET_KEY_42";

    [Fact]
    public async Task The_key_is_sent_to_the_model_but_never_logged_nor_stored()
    {
        using var harness = new ScriptedHarness(apiKey: Key);
        var session = new SessionDriver(harness);

        await session.SendAsync("How much baggage can I bring?");
        await session.SendAsync("I want to change my seat");
        await session.SendAsync("ABC123 12A");
        var failure = await Assert.ThrowsAsync<NonRetryableModelException>(() => session.SendAsync("hi #model-fail:1:401"));

        Assert.All(harness.Recorder.AuthorizationHeaders, h => Assert.Equal($"Bearer {Key}", h));
        Assert.NotEmpty(harness.Logs.Lines);
        Assert.DoesNotContain(Key, harness.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, SessionItemJson.Serialize(session.Items), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, JsonSerializer.Serialize(session.Context), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, failure.ToString(), StringComparison.Ordinal);
        Assert.All(harness.Recorder.Bodies, b => Assert.DoesNotContain(Key, b, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_error_body_that_echoes_the_key_is_redacted()
    {
        var echo = new FixedResponseHandler(HttpStatusCode.Unauthorized, $$$"""{"error":{"message":"Incorrect API key provided: {{{Key}}} (sk-proj-THIS****_42)"}}""");
        using var harness = new ScriptedHarness(apiKey: Key, model: echo);

        var error = await Assert.ThrowsAsync<NonRetryableModelException>(
            () => harness.Runner.RunTurnAsync([], AirlineAgentNames.Triage, new AirlineContext(), "hello"));

        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-proj-THIS****", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check OPENAI_API_KEY", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, harness.Logs.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_rate_limit_body_that_echoes_the_key_leaves_no_trace_of_it_in_the_whole_exception(bool streaming)
    {
        // The exception's ToString() is what reaches logs and Restate's failure record (as its stack trace).
        var echo = new FixedResponseHandler(HttpStatusCode.TooManyRequests, $$$"""{"error":{"message":"Rate limit reached for key {{{Key}}}"}}""");
        using var harness = new ScriptedHarness(apiKey: Key, model: echo, streaming: streaming);

        var error = await Assert.ThrowsAsync<RetryableModelException>(
            () => harness.Runner.RunTurnAsync([], AirlineAgentNames.Triage, new AirlineContext(), "hello"));

        Assert.Contains("429", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, harness.Logs.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("key sk-abc123def456 here", "key [redacted] here")]
    [InlineData("nothing secret", "nothing secret")]
    public void Redactor_masks_key_shaped_text(string text, string expected)
    {
        Assert.Equal(expected, SecretRedactor.None.Redact(text));
    }

    [Fact]
    public void Redactor_masks_the_configured_key_whatever_its_shape()
    {
        Assert.Equal("a [redacted] b", new SecretRedactor("plain-token-123").Redact("a plain-token-123 b"));
    }
}
