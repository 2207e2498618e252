using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>
/// A <c>Once</c> service: <c>work</c> counts its executions as <c>work:{input}</c> and returns a value drawn from
/// <c>ctx.Random</c>, so repeats of one invocation are told apart from new ones; <c>callTwice</c> calls <c>work</c>
/// twice with one idempotency key.
/// </summary>
public sealed class IdempotencyEnvironment : SdkTestEnvironment
{
    protected override void AddServices(RestateBuilder restate) => restate
        .AddService("Once", once => once
            .Handler<string, string>("work", async (ctx, input) =>
            {
                Probe.Increment("work:" + input);

                // Long enough for a duplicate to arrive while this invocation still runs.
                await ctx.Sleep(TimeSpan.FromMilliseconds(300));
                return $"{input}/{ctx.Random.NextGuid()}";
            })
            .Handler<string, string[]>("callTwice", async (ctx, input) =>
            {
                var work = CallTarget.ForService("Once", "work");
                var options = new CallOptions { IdempotencyKey = "from-handler-" + input };
                var first = await ctx.Call<string>(work, input, options);
                var second = await ctx.Call<string>(work, input, options);
                return [first, second];
            }));
}
