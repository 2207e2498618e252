using System.Text.Json;
using Restate.Sdk.Clients;
using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;
using Restate.Sdk.IntegrationTests.Sdk.Services;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>
/// Suspended in bidi mode on something other than a plain sleep, then resumed by a new attempt that replays the
/// journal: an awakeable, a call, timer combinators, and state written before the suspension.
/// </summary>
public sealed class ResumeTests(SuspensionEnvironment env) : IClassFixture<SuspensionEnvironment>
{
    [Fact]
    public async Task An_awakeable_resolved_while_suspended_resumes_the_invocation()
    {
        var call = env.Ingress.CallAsync<string>(IngressTarget.ForService("Sleeper", "awaitSignal"), "s1");
        var invocationId = await env.Probe.WaitForAsync("signal invocation:s1");
        var awakeableId = await env.Probe.WaitForAsync("signal:s1");
        var suspended = await WaitUntilSuspendedAsync(invocationId);

        await env.Ingress.ResolveAwakeableAsync(awakeableId, "hello");

        Assert.Equal("got hello", await call);
        Assert.Equal(2, env.Probe.Count("signal attempts:" + invocationId));

        // Suspended on the cancel signal (1) and the awakeable's signal (the first one, 17).
        var signals = suspended.GetProperty("suspended_waiting_for_signals").EnumerateArray().Select(signal => signal.GetInt32());
        Assert.Equal([1, 17], signals.Order());
    }

    [Fact]
    public async Task A_caller_suspended_on_a_call_resumes_with_the_callees_result()
    {
        var result = await env.Ingress.CallAsync<string>(IngressTarget.ForService("Sleeper", "callNap"), new NapRequest("inner", 2000));
        var callerId = await env.Probe.WaitForAsync("caller:inner");

        Assert.Equal("caller got: inner woke up", result);
        Assert.Equal(2, env.Probe.Count("caller attempts:" + callerId));
    }

    [Fact]
    public async Task Timer_combinators_survive_suspensions()
    {
        var winner = await env.Ingress.CallAsync<int>(IngressTarget.ForService("Sleeper", "timers"));
        var invocationId = await env.Probe.WaitForAsync("timers");

        Assert.Equal(1, winner);
        Assert.True(env.Probe.Count("timers attempts:" + invocationId) >= 2, "The combinators should have suspended the invocation at least once.");
    }

    [Fact]
    public async Task State_written_before_a_suspension_is_there_after_it()
    {
        var result = await env.Ingress.CallAsync<string[]>(IngressTarget.ForObject("Keeper", "k", "roundTrip"));
        var invocationId = await env.Probe.WaitForAsync("keeper");

        Assert.Equal(["before", "note,other", "null"], result ?? []);
        Assert.Equal(2, env.Probe.Count("keeper attempts:" + invocationId));
        Assert.Empty(await env.StateAsync("Keeper", "k"));
    }

    private async Task<JsonElement> WaitUntilSuspendedAsync(string invocationId)
    {
        var row = await Eventually.Until(
            () => env.InvocationRowAsync(invocationId),
            row => row is { } found && found.GetProperty("status").GetString() == "suspended",
            $"invocation {invocationId} to suspend");
        return row!.Value;
    }
}
