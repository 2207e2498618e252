using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;
using Restate.Sdk.IntegrationTests.Sdk.Services;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>
/// Handlers that wait longer than their inactivity timeout, lowered to 1 s, so Restate suspends them in bidi mode:
/// a <c>Sleeper</c> service (a sleep, an awakeable, a call, timer combinators) and a <c>Keeper</c> object (state
/// across a suspension). Each handler counts its attempts per invocation as <c>{handler} attempts:{id}</c>.
/// </summary>
public sealed class SuspensionEnvironment : SdkTestEnvironment
{
    public static readonly TimeSpan InactivityTimeout = TimeSpan.FromSeconds(1);

    protected override void AddServices(RestateBuilder restate) => restate
        .AddService("Sleeper", sleeper =>
        {
            sleeper.Options.InactivityTimeout = InactivityTimeout;
            sleeper
                .Handler<NapRequest, string>("nap", async (ctx, nap) =>
                {
                    Probe.Publish("nap:" + nap.Tag, ctx.InvocationId);
                    Probe.Increment("nap attempts:" + ctx.InvocationId);
                    await ctx.Sleep(TimeSpan.FromMilliseconds(nap.Millis));
                    return nap.Tag + " woke up";
                })
                .Handler<string, string>("awaitSignal", async (ctx, tag) =>
                {
                    Probe.Publish("signal invocation:" + tag, ctx.InvocationId);
                    Probe.Increment("signal attempts:" + ctx.InvocationId);
                    var awakeable = ctx.Awakeable<string>();
                    Probe.Publish("signal:" + tag, awakeable.Id);
                    return "got " + await awakeable.Value;
                })
                .Handler<NapRequest, string>("callNap", async (ctx, nap) =>
                {
                    Probe.Publish("caller:" + nap.Tag, ctx.InvocationId);
                    Probe.Increment("caller attempts:" + ctx.InvocationId);
                    return "caller got: " + await ctx.Call<string>(CallTarget.ForService("Sleeper", "nap"), nap);
                })
                .Handler<int, int>("longJournal", async (ctx, steps) =>
                {
                    Probe.Publish("long journal", ctx.InvocationId);
                    Probe.Increment("long journal attempts:" + ctx.InvocationId);
                    var sum = 0;
                    for (var i = 1; i <= steps; i++)
                    {
                        var step = i;
                        sum += await ctx.Run("step " + step, _ =>
                        {
                            Probe.Increment("long journal steps");
                            return Task.FromResult(step);
                        });
                    }

                    // Longer than the inactivity timeout: the resumed attempt replays every step above.
                    await ctx.Sleep(TimeSpan.FromMilliseconds(1500));
                    return sum;
                })
                .Handler<int, string>("slowRun", async (ctx, millis) =>
                {
                    Probe.Publish("slow run", ctx.InvocationId);
                    Probe.Increment("slow run attempts:" + ctx.InvocationId);

                    // Silent on the wire for longer than the inactivity timeout: the runtime closes the input meanwhile.
                    var result = await ctx.Run("slow step", async ct =>
                    {
                        Probe.Increment("slow run executions");
                        await Task.Delay(millis, ct);
                        return "slow step done";
                    });
                    return result;
                })
                .Handler("timers", async ctx =>
                {
                    Probe.Publish("timers", ctx.InvocationId);
                    Probe.Increment("timers attempts:" + ctx.InvocationId);
                    await DurableFuture.All(ctx.Timer(TimeSpan.FromMilliseconds(1300)), ctx.Timer(TimeSpan.FromMilliseconds(1600)));
                    return await DurableFuture.Any(ctx.Timer(TimeSpan.FromMinutes(5)), ctx.Timer(TimeSpan.FromMilliseconds(1200)));
                });
        })
        .AddVirtualObject("Keeper", keeper =>
        {
            keeper.Options.InactivityTimeout = InactivityTimeout;
            keeper.Handler("roundTrip", async ctx =>
            {
                Probe.Publish("keeper", ctx.InvocationId);
                Probe.Increment("keeper attempts:" + ctx.InvocationId);
                ctx.Set("note", "before");
                await ctx.Sleep(TimeSpan.FromMilliseconds(1500));
                var afterResume = await ctx.Get<string>("note");
                ctx.Set("note", "after");
                ctx.Set("other", 1);
                var keys = string.Join(",", (await ctx.StateKeys()).Order(StringComparer.Ordinal));
                ctx.ClearAll();
                var cleared = await ctx.Get<string>("note");
                return new[] { afterResume ?? "null", keys, cleared ?? "null" };
            });
        });
}
