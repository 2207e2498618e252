using System.Net;
using Restate.Sdk.Clients;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>
/// Terminal failures (their code reaches the ingress caller as HTTP status, a calling handler can catch them) and
/// retryable ones (Restate retries the attempt).
/// </summary>
public sealed class FailureTests(FailureEnvironment env) : IClassFixture<FailureEnvironment>
{
    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(422)]
    [InlineData(503)]
    public async Task A_terminal_error_code_reaches_the_ingress_caller_as_http_status(int code)
    {
        var response = await env.Ingress.CallRawAsync(IngressTarget.ForService("Judge", "reject"), code);

        Assert.Equal((HttpStatusCode)code, response.StatusCode);
        var error = response.ToException();
        Assert.Equal(code, error.RestateCode);
        Assert.Equal(RestateErrorSource.Invocation, error.ErrorSource);
        Assert.Equal($"rejected with {code}", error.Message);
        Assert.Equal("test", error.Metadata["reason"]);
    }

    [Fact]
    public async Task A_callees_terminal_error_reaches_the_calling_handler_with_its_code()
    {
        var result = await env.Ingress.CallAsync<string>(IngressTarget.ForService("Judge", "relay"), 422);

        Assert.Equal("422: rejected with 422", result);
    }

    [Fact]
    public async Task Malformed_input_fails_with_400_and_names_the_problem()
    {
        var response = await env.Ingress.CallRawAsync(
            IngressTarget.ForService("Judge", "order"), """{"item": "tea", "quantity": "many"}"""u8.ToArray(), "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = response.ToException().Message;
        Assert.Contains("Order", message, StringComparison.Ordinal);
        Assert.Contains("quantity", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_input_fails_with_400_at_the_ingress_and_in_the_handler()
    {
        // The manifest marks the input as required, so the ingress refuses the call itself.
        var response = await env.Ingress.CallRawAsync(IngressTarget.ForService("Judge", "order"), null);

        // A call from another handler is not checked by the ingress: the SDK refuses the empty input.
        var fromHandler = await env.Ingress.CallAsync<string>(IngressTarget.ForService("Judge", "orderWithoutInput"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(RestateErrorSource.Ingress, response.ErrorSource);
        Assert.NotNull(fromHandler);
        Assert.StartsWith("400: ", fromHandler, StringComparison.Ordinal);
        Assert.Contains("Order", fromHandler, StringComparison.Ordinal);
        Assert.Contains("no body", fromHandler, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_that_exhausts_its_retry_policy_ends_in_a_terminal_error_the_handler_catches()
    {
        var before = env.Probe.Count("flaky attempts");

        var result = await env.Ingress.CallAsync<string>(IngressTarget.ForService("Judge", "giveUp"));

        Assert.Equal(3, env.Probe.Count("flaky attempts") - before);
        Assert.NotNull(result);
        Assert.StartsWith("caught: ", result, StringComparison.Ordinal);
        Assert.Contains("still broken", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ordinary_exception_fails_only_the_attempt_and_the_retry_replays_the_journal()
    {
        var result = await env.Ingress.CallAsync<string>(IngressTarget.ForService("Judge", "failOnce"), "t1");

        Assert.Equal("journaled in attempt 1, finished in attempt 2", result);
        Assert.Equal(2, env.Probe.Count("fail once:t1"));
    }
}
