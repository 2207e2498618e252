using Microsoft.Extensions.Logging;
using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;
using Restate.Sdk.IntegrationTests.Sdk.Services;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>
/// The endpoint in request/response mode over HTTP/1.1 (registered with <c>use_http_11</c>): every await that is not
/// ready ends the attempt with a suspension. Counts attempts per invocation as <c>{handler} attempts:{id}</c>.
/// </summary>
public sealed class RequestResponseEnvironment : SdkTestEnvironment
{
    protected override ProtocolMode ProtocolMode => ProtocolMode.RequestResponse;

    protected override void AddServices(RestateBuilder restate) => restate
        .AddVirtualObject("Tally", tally => tally
            .Handler<int, int>("add", async (ctx, amount) =>
            {
                Probe.Increment("tally attempts:" + ctx.InvocationId);
                var total = await ctx.Get<int>("total");
                var doubled = await ctx.Run("double", _ =>
                {
                    Probe.Increment("tally runs:" + ctx.Key);
                    return Task.FromResult(amount * 2);
                });
                await ctx.Sleep(TimeSpan.FromMilliseconds(50));
                ctx.Set("total", total + doubled);
                return total + doubled;
            })
            .SharedHandler("total", async ctx => await ctx.Get<int>("total")))
        .AddService("Dice", dice => dice
            .Handler("roll", async ctx =>
            {
                var first = ctx.Random.NextInt64();
                Probe.Record("dice first:" + ctx.InvocationId, first.ToString(System.Globalization.CultureInfo.InvariantCulture));
                await ctx.Sleep(TimeSpan.FromMilliseconds(20));
                var second = ctx.Random.NextGuid();
                Probe.Record("dice second:" + ctx.InvocationId, second.ToString());
                return new Roll(first, second);
            }))
        .AddService("Payment", payment => payment
            .Handler<string, string>("charge", async (ctx, card) =>
            {
                Probe.Increment("charge attempts:" + ctx.InvocationId);
                try
                {
                    await ctx.Run("charge card", _ =>
                    {
                        Probe.Increment("charge executions:" + card);
                        throw new TerminalException($"card {card} declined", 402);
                    });
                    return "charged";
                }
                catch (TerminalException e)
                {
                    // Not the end of the invocation: a sleep after the failed step makes it suspend and replay the failure.
                    await ctx.Sleep(TimeSpan.FromMilliseconds(10));
                    return $"{e.Code} {e.Message}";
                }
            }))
        .AddService("Chatty", chatty => chatty
            .Handler<string, string>("talk", async (ctx, tag) =>
            {
                Probe.Increment("talk attempts:" + tag);
                ctx.Logger.LogInformation("before the sleep of {Tag}", tag);
                await ctx.Sleep(TimeSpan.FromMilliseconds(20));
                ctx.Logger.LogInformation("after the sleep of {Tag}", tag);
                return "talked";
            }))
        .AddService<Patient>();
}
