namespace Restate.Sdk.Bench.Service;

/// <summary>
/// The benchmark's virtual object. It must do exactly what the TypeScript peer does
/// (bench/ts-service/service.ts): read a JSON list from state, append the input, write it back,
/// run one durable step, return the new length.
/// </summary>
[VirtualObject]
public sealed class BenchObject
{
    [Handler]
    public async Task<int> Append(IObjectContext ctx, string item)
    {
        var items = await ctx.Get<List<string>>("items") ?? [];
        items.Add(item);
        ctx.Set("items", items);
        return await ctx.Run("count", _ => Task.FromResult(items.Count));
    }
}
