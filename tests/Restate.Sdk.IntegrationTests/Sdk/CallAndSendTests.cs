using System.Diagnostics;
using Restate.Sdk.Clients;
using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;
using Restate.Sdk.IntegrationTests.Sdk.Services;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary><c>ctx.Call</c> from a service to an object, and <c>ctx.Send</c> with a delay.</summary>
public sealed class CallAndSendTests(CallAndSendEnvironment env) : IClassFixture<CallAndSendEnvironment>
{
    [Fact]
    public async Task A_service_calls_an_object_and_its_delayed_message_arrives_after_the_delay()
    {
        var delay = TimeSpan.FromMilliseconds(1500);
        var clock = Stopwatch.StartNew();

        var result = await env.Ingress.CallAsync<DispatchResult>(
            IngressTarget.ForService("Dispatcher", "dispatch"), new DispatchRequest("order-1", (int)delay.TotalMilliseconds));
        var entries = await Eventually.Until(
            () => Entries("order-1"), e => e.Count >= 2, "the delayed message to reach the ledger", TimeSpan.FromSeconds(20));

        Assert.NotNull(result);
        Assert.Equal(1, result.DirectCount);
        Assert.StartsWith("inv_", result.DelayedInvocationId, StringComparison.Ordinal);
        Assert.Equal(["direct", "delayed"], entries.Select(e => e.Note));

        // The ledger stamps each message with ctx.Now() when it handles it; the dispatcher stamped SentAt before sending.
        Assert.True(
            entries[1].At >= result.SentAt + delay,
            $"The delayed message was handled at {entries[1].At:O}, less than {delay} after {result.SentAt:O}.");
        Assert.True(clock.Elapsed >= delay);
    }

    [Fact]
    public async Task The_calls_answer_is_the_objects_result_for_that_key()
    {
        await env.Ingress.CallAsync<int>(IngressTarget.ForObject("Ledger", "order-2", "record"), "by hand");

        var result = await env.Ingress.CallAsync<DispatchResult>(
            IngressTarget.ForService("Dispatcher", "dispatch"), new DispatchRequest("order-2", 0));

        Assert.NotNull(result);
        Assert.Equal(2, result.DirectCount);
        var entries = await Eventually.Until(() => Entries("order-2"), e => e.Count >= 3, "the undelayed send to reach the ledger");
        Assert.Equal(["by hand", "direct", "delayed"], entries.Select(e => e.Note));
    }

    [Fact]
    public async Task An_ingress_private_handler_refuses_the_ingress_but_answers_another_handler()
    {
        var fromIngress = await env.Ingress.CallRawAsync(IngressTarget.ForObject("Ledger", "order-3", "audit"), "by hand");
        var fromHandler = await env.Ingress.CallAsync<string>(IngressTarget.ForService("Dispatcher", "audit"), "order-3");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, fromIngress.StatusCode);
        Assert.Equal(RestateErrorSource.Ingress, fromIngress.ErrorSource);
        Assert.Equal("audited by dispatcher on order-3", fromHandler);
    }

    [Fact]
    public async Task A_handler_attaches_to_an_invocation_it_sent()
    {
        var count = await env.Ingress.CallAsync<int>(IngressTarget.ForService("Dispatcher", "sendAndAttach"), "order-4");

        Assert.Equal(1, count);
        Assert.Equal(["sent"], (await Entries("order-4")).Select(e => e.Note));
    }

    private async Task<List<LedgerEntry>> Entries(string key) =>
        await env.Ingress.CallAsync<List<LedgerEntry>>(IngressTarget.ForObject("Ledger", key, "entries")) ?? [];
}
