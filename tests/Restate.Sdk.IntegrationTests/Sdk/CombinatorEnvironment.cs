using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;
using Restate.Sdk.IntegrationTests.Sdk.Services;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>A <c>Delayed</c> echo service, and a <c>Fanout</c> service that combines calls, runs and timers.</summary>
public class CombinatorEnvironment : SdkTestEnvironment
{
    private static readonly CallTarget Echo = CallTarget.ForService("Delayed", "echo");

    protected override void AddServices(RestateBuilder restate) => restate
        .AddService("Delayed", delayed => delayed
            .Handler<DelayedValue, string>("echo", async (ctx, request) =>
            {
                await ctx.Sleep(TimeSpan.FromMilliseconds(request.Millis));
                return request.Value;
            }))
        .AddService("Fanout", fanout => fanout
            .Handler("all", async ctx =>
            {
                // Completing out of order: b first, then c, then a.
                var calls = new[]
                {
                    ctx.CallAsync<string>(Echo, new DelayedValue("a", 300)),
                    ctx.CallAsync<string>(Echo, new DelayedValue("b", 50)),
                    ctx.CallAsync<string>(Echo, new DelayedValue("c", 150)),
                };
                var runs = DurableFuture.All(
                    ctx.RunAsync("x", _ => Task.FromResult("x")),
                    ctx.RunAsync("y", _ => Task.FromResult("y")));
                await DurableFuture.All(ctx.Timer(TimeSpan.FromMilliseconds(100)), ctx.Timer(TimeSpan.FromMilliseconds(200)));
                string[] values = [.. await DurableFuture.All(calls), .. await runs];
                return values;
            })
            .Handler("race", async ctx => await DurableFuture.Race(
                ctx.CallAsync<string>(Echo, new DelayedValue("slow", 3000)),
                ctx.CallAsync<string>(Echo, new DelayedValue("fast", 50))))
            .Handler("timeout", async ctx =>
            {
                var slow = ctx.CallAsync<string>(Echo, new DelayedValue("too slow", 3000));
                var first = await DurableFuture.Any(ctx.Timer(TimeSpan.FromMilliseconds(100)), slow);
                return first == 0 ? "timed out" : await slow;
            }));
}
