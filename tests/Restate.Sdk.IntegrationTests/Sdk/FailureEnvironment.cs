using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;
using Restate.Sdk.IntegrationTests.Sdk.Services;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>
/// A <c>Judge</c> service: <c>reject</c> throws a <see cref="TerminalException"/> with the given code, <c>relay</c>
/// calls it and catches the failure, <c>order</c> has a typed input (<c>orderWithoutInput</c> calls it without one), <c>giveUp</c> runs a step that always fails
/// under a retry policy of three attempts (counted as <c>flaky attempts</c>), <c>failOnce</c> throws an ordinary
/// exception in its first attempt (attempts counted as <c>fail once:{tag}</c>). Restate retries attempts of this
/// service quickly.
/// </summary>
public sealed class FailureEnvironment : SdkTestEnvironment
{
    protected override void AddServices(RestateBuilder restate) => restate
        .AddService("Judge", judge =>
        {
            judge.Options.RetryPolicy = new InvocationRetryPolicy
            {
                InitialInterval = TimeSpan.FromMilliseconds(50),
                MaxInterval = TimeSpan.FromMilliseconds(200),
            };
            judge.Handler<string, string>("failOnce", async (ctx, tag) =>
            {
                var attempt = Probe.Increment("fail once:" + tag);
                var before = await ctx.Run("before", _ => Task.FromResult(attempt));
                if (attempt == 1)
                {
                    throw new InvalidOperationException("a transient failure");
                }

                return $"journaled in attempt {before}, finished in attempt {attempt}";
            })
            .Handler<int, string>("reject", (ctx, code) =>
                throw new TerminalException($"rejected with {code}", code, new Dictionary<string, string> { ["reason"] = "test" }))
            .Handler<int, string>("relay", async (ctx, code) =>
            {
                try
                {
                    return await ctx.Call<string>(CallTarget.ForService("Judge", "reject"), code);
                }
                catch (TerminalException e)
                {
                    return $"{e.Code}: {e.Message}";
                }
            })
            .Handler<Order, int>("order", (ctx, order) => Task.FromResult(order.Quantity))
            .Handler("orderWithoutInput", async ctx =>
            {
                try
                {
                    return $"quantity {await ctx.Call<int>(CallTarget.ForService("Judge", "order"))}";
                }
                catch (TerminalException e)
                {
                    return $"{e.Code}: {e.Message}";
                }
            })
            .Handler("giveUp", async ctx =>
            {
                try
                {
                    await ctx.Run(
                        "flaky",
                        _ =>
                        {
                            Probe.Increment("flaky attempts");
                            throw new InvalidOperationException("still broken");
                        },
                        new RunOptions { RetryPolicy = new RetryPolicy { InitialInterval = TimeSpan.FromMilliseconds(10), MaxAttempts = 3 } });
                    return "unexpected success";
                }
                catch (TerminalException e)
                {
                    return "caught: " + e.Message;
                }
            });
        });
}
