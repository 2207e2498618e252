using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;
using Restate.Sdk.IntegrationTests.Sdk.Services;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>A <c>Ledger</c> object that timestamps what it receives, and a <c>Dispatcher</c> service that calls it and sends it a delayed message.</summary>
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
            .SharedHandler("entries", async ctx => await ctx.Get<List<LedgerEntry>>("entries") ?? []))
        .AddService("Dispatcher", dispatcher => dispatcher
            .Handler<DispatchRequest, DispatchResult>("dispatch", async (ctx, request) =>
            {
                var ledger = CallTarget.ForObject("Ledger", request.Key, "record");
                var count = await ctx.Call<int>(ledger, "direct");
                var sentAt = await ctx.Now();
                var delayed = ctx.Send(ledger, "delayed", new SendOptions { Delay = TimeSpan.FromMilliseconds(request.DelayMillis) });
                return new DispatchResult(count, sentAt, await delayed.InvocationId);
            }));
}
