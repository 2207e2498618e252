using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;
using Restate.Sdk.IntegrationTests.Sdk.Services;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>
/// A <c>Ledger</c> object that timestamps what it receives (its <c>audit</c> handler is ingress-private), and a
/// <c>Dispatcher</c> service that calls it, sends it (delayed) messages and attaches to them.
/// </summary>
public sealed class CallAndSendEnvironment : SdkTestEnvironment
{
    protected override void AddServices(RestateBuilder restate) => restate
        .AddVirtualObject("Ledger", ledger => ledger
            .Handler<string, int>("record", async (ctx, note) =>
            {
                var entries = await ctx.Get<List<LedgerEntry>>("entries") ?? [];
                entries.Add(new LedgerEntry(note, await ctx.Now()));
                ctx.Set("entries", entries);
                return entries.Count;
            })
            .SharedHandler("entries", async ctx => await ctx.Get<List<LedgerEntry>>("entries") ?? [])
            .SharedHandler<string, string>("audit", (ctx, note) => Task.FromResult($"audited {note} on {ctx.Key}"), handler => handler.IngressPrivate = true))
        .AddService("Dispatcher", dispatcher => dispatcher
            .Handler<DispatchRequest, DispatchResult>("dispatch", async (ctx, request) =>
            {
                var ledger = CallTarget.ForObject("Ledger", request.Key, "record");
                var count = await ctx.Call<int>(ledger, "direct");
                var sentAt = await ctx.Now();
                var delayed = ctx.Send(ledger, "delayed", new SendOptions { Delay = TimeSpan.FromMilliseconds(request.DelayMillis) });
                return new DispatchResult(count, sentAt, await delayed.InvocationId);
            })
            .Handler<string, string>("audit", (ctx, key) => ctx.Call<string>(CallTarget.ForObject("Ledger", key, "audit"), "by dispatcher"))
            .Handler<string, int>("sendAndAttach", async (ctx, key) =>
            {
                var sent = ctx.Send(
                    CallTarget.ForObject("Ledger", key, "record"), "sent", new SendOptions { IdempotencyKey = "attach-" + key });
                return await ctx.AttachInvocation<int>(await sent.InvocationId);
            }));
}
