using System.Globalization;
using System.Net;
using System.Text.Json;
using Restate.Sdk.Clients;
using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;
using Restate.Sdk.IntegrationTests.Sdk.Services;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>Request/response mode: state, runs and sleeps across the suspensions it forces; replays stay deterministic.</summary>
public sealed class RequestResponseTests(RequestResponseEnvironment env) : IClassFixture<RequestResponseEnvironment>
{
    [Fact]
    public async Task A_handler_with_state_a_run_and_a_sleep_completes_correctly()
    {
        var add = IngressTarget.ForObject("Tally", "rr", "add");

        var first = await env.Ingress.CallRawAsync(add, 5);
        var second = await env.Ingress.CallRawAsync(add, 1);

        Assert.True(first.IsSuccess, first.BodyText + env.EndpointLog);
        Assert.Equal("10", first.BodyText);
        Assert.Equal("12", second.BodyText);
        Assert.Equal(12, await env.Ingress.CallAsync<int>(IngressTarget.ForObject("Tally", "rr", "total")));
        Assert.Equal("12", (await env.StateAsync("Tally", "rr"))["total"]);

        // Each side effect ran once, although every invocation took three attempts: the run and the sleep each suspended it.
        Assert.Equal(2, env.Probe.Count("tally runs:rr"));
        Assert.Equal(3, env.Probe.Count("tally attempts:" + first.InvocationId));
        Assert.Equal(3, env.Probe.Count("tally attempts:" + second.InvocationId));
    }

    [Fact]
    public async Task Concurrent_invocations_on_many_keys_each_complete_correctly()
    {
        var keys = Enumerable.Range(0, 10).Select(i => $"rr-many-{i}").ToArray();

        await Task.WhenAll(keys.SelectMany(key => Enumerable.Range(0, 3).Select(_ => env.Ingress.CallAsync<int>(IngressTarget.ForObject("Tally", key, "add"), 1))));

        foreach (var key in keys)
        {
            Assert.Equal(6, await env.Ingress.CallAsync<int>(IngressTarget.ForObject("Tally", key, "total")));
            Assert.Equal(3, env.Probe.Count("tally runs:" + key));
        }
    }

    [Fact]
    public async Task A_runs_terminal_failure_is_journaled_and_replayed_without_running_the_step_again()
    {
        var response = await env.Ingress.CallRawAsync(IngressTarget.ForService("Payment", "charge"), "4242");

        Assert.True(response.IsSuccess, response.BodyText);
        Assert.Equal("\"402 card 4242 declined\"", response.BodyText);
        Assert.Equal(1, env.Probe.Count("charge executions:4242"));
        Assert.True(env.Probe.Count("charge attempts:" + response.InvocationId) >= 3, "The failure should have been replayed after suspensions.");
    }

    [Fact]
    public async Task Deterministic_random_gives_the_same_values_on_every_replay()
    {
        var roll = IngressTarget.ForService("Dice", "roll");

        var response = await env.Ingress.CallRawAsync(roll, null);
        var other = await env.Ingress.CallAsync<Roll>(roll);

        Assert.True(response.IsSuccess, response.BodyText);
        var result = JsonSerializer.Deserialize<Roll>(response.Body.Span, JsonSerializerOptions.Web)!;
        var firstValues = env.Probe.Records("dice first:" + response.InvocationId);
        Assert.True(firstValues.Count >= 2, $"The handler should have been replayed after its sleep, but ran {firstValues.Count} time(s).");
        Assert.All(firstValues, value => Assert.Equal(result.First.ToString(CultureInfo.InvariantCulture), value));
        Assert.Equal([result.Second.ToString()], env.Probe.Records("dice second:" + response.InvocationId));

        // Another invocation has another seed.
        Assert.NotNull(other);
        Assert.NotEqual(result.First, other.First);
    }

    [Fact]
    public async Task The_context_logger_is_silent_while_the_journal_replays()
    {
        Assert.Equal("talked", await env.Ingress.CallAsync<string>(IngressTarget.ForService("Chatty", "talk"), "t1"));

        Assert.True(env.Probe.Count("talk attempts:t1") >= 2, "The sleep should have suspended the invocation.");
        Assert.Single(env.EndpointLog.Lines, line => line.EndsWith("before the sleep of t1", StringComparison.Ordinal));
        Assert.Single(env.EndpointLog.Lines, line => line.EndsWith("after the sleep of t1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_suspended_invocation_that_is_cancelled_wakes_up_and_ends_with_409()
    {
        var call = env.Ingress.CallRawAsync(IngressTarget.ForService("Patient", "wait"), "rr");
        var invocationId = await env.Probe.WaitForAsync("patient:rr");
        await Eventually.Until(
            () => env.InvocationStatusAsync(invocationId), status => status == "suspended", $"invocation {invocationId} to suspend");

        await env.Admin.CancelInvocationAsync(invocationId);
        var response = await call;

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.NotEmpty(env.Probe.Records("patient cancelled:rr"));
        Assert.All(env.Probe.Records("patient cancelled:rr"), code => Assert.Equal("409", code));
        Assert.Equal(1, env.Probe.Count("patient compensated:rr"));
    }
}
