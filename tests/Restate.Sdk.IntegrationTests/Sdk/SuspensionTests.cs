using System.Diagnostics;
using System.Text.Json;
using Restate.Sdk.Clients;
using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;
using Restate.Sdk.IntegrationTests.Sdk.Services;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>
/// Suspension in bidi mode: after the inactivity timeout the runtime ends the stream and later resumes the invocation,
/// which replays its journal (also a long one, and also when the stream ended during a run).
/// </summary>
public sealed class SuspensionTests(SuspensionEnvironment env) : IClassFixture<SuspensionEnvironment>
{
    private static readonly IngressTarget Nap = IngressTarget.ForService("Sleeper", "nap");

    [Fact]
    public async Task A_sleep_longer_than_the_inactivity_timeout_suspends_and_resumes()
    {
        var sleep = TimeSpan.FromSeconds(3);
        var clock = Stopwatch.StartNew();

        var call = env.Ingress.CallAsync<string>(Nap, new NapRequest("long", (int)sleep.TotalMilliseconds));
        var id = await env.Probe.WaitForAsync("nap:long");
        var suspended = await Eventually.Until(
            () => env.InvocationRowAsync(id),
            row => Column(row, "status") == "suspended",
            $"invocation {id} to suspend",
            TimeSpan.FromSeconds(10));

        Assert.Equal("long woke up", await call);
        Assert.True(clock.Elapsed >= sleep, $"The call returned after {clock.Elapsed}, before the sleep of {sleep} ended.");

        // The handler started twice: once before the suspension, once to resume (replaying the sleep).
        Assert.Equal(2, env.Probe.Count("nap attempts:" + id));

        // While suspended, it waited for exactly the sleep's completion (id 1) and the cancel signal (1).
        Assert.Equal("[1]", Column(suspended, "suspended_waiting_for_completions"));
        Assert.Equal("[1]", Column(suspended, "suspended_waiting_for_signals"));
    }

    [Fact]
    public async Task A_sleep_shorter_than_the_inactivity_timeout_runs_in_one_attempt()
    {
        var result = await env.Ingress.CallRawAsync(Nap, new NapRequest("short", 200));

        Assert.True(result.IsSuccess, result.BodyText);
        var id = await env.Probe.WaitForAsync("nap:short");
        Assert.Equal(1, env.Probe.Count("nap attempts:" + id));
    }

    [Fact]
    public async Task A_long_journal_replays_without_running_its_steps_again()
    {
        const int steps = 300;

        var sum = await env.Ingress.CallAsync<int>(IngressTarget.ForService("Sleeper", "longJournal"), steps);
        var invocationId = await env.Probe.WaitForAsync("long journal");

        Assert.Equal(steps * (steps + 1) / 2, sum);
        Assert.Equal(steps, env.Probe.Count("long journal steps"));
        Assert.Equal(2, env.Probe.Count("long journal attempts:" + invocationId));
    }

    [Fact]
    public async Task A_run_longer_than_the_inactivity_timeout_completes_once()
    {
        var result = await env.Ingress.CallAsync<string>(IngressTarget.ForService("Sleeper", "slowRun"), 2000);
        var invocationId = await env.Probe.WaitForAsync("slow run");

        Assert.Equal("slow step done", result);
        Assert.Equal(1, env.Probe.Count("slow run executions"));
        Assert.True(env.Probe.Count("slow run attempts:" + invocationId) <= 2, "At most one resume: after the run's result was stored.");
    }

    private static string? Column(JsonElement? row, string name) =>
        row is { } found && found.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
}
