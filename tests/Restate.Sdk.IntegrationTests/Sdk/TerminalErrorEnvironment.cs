using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;
using Restate.Sdk.IntegrationTests.Sdk.Services;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>
/// A <c>Judge</c> service: <c>reject</c> throws a <see cref="TerminalException"/> with the given code, <c>relay</c>
/// calls it and catches the failure, <c>order</c> has a typed input, <c>giveUp</c> runs a step that always fails
/// under a retry policy of three attempts (counted as <c>flaky attempts</c>).
/// </summary>
public sealed class TerminalErrorEnvironment : SdkTestEnvironment
{
    protected override void AddServices(RestateBuilder restate) => restate
        .AddService("Judge", judge => judge
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
            }));
}
