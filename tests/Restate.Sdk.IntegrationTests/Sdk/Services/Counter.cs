using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;

namespace Restate.Sdk.IntegrationTests.Sdk.Services;

/// <summary>A counter per key: exclusive increments, a shared read and a reset. The probe comes from DI.</summary>
[VirtualObject]
public sealed class Counter(InvocationProbe probe)
{
    public const string RunExecutions = "counter run executions";

    [Handler]
    public async Task<int> Add(IObjectContext ctx, int delta)
    {
        var count = await ctx.Get<int>("count");

        // A durable step between the read and the write: if two increments of one key ever interleaved,
        // one of them would be lost here.
        var step = await ctx.Run("check delta", _ =>
        {
            probe.Increment(RunExecutions);
            return Task.FromResult(delta);
        });
        ctx.Set("count", count + step);
        return count + step;
    }

    [Handler]
    public async Task<int> Get(ISharedObjectContext ctx)
    {
        probe.Increment("counter reads");
        return await ctx.Get<int>("count");
    }

    [Handler]
    public Task Reset(IObjectContext ctx)
    {
        probe.Increment("counter resets");
        ctx.ClearAll();
        return Task.CompletedTask;
    }
}
