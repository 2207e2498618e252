using Restate.Sdk.StateMachine;

namespace Restate.Sdk;

/// <summary>State access. Reads complete synchronously when the eager state can answer them.</summary>
internal sealed partial class InvocationContext
{
    public ValueTask<T?> Get<T>(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        EnsureStateReadable("Reading state");
        NotificationLeaf leaf;
        lock (Sync)
        {
            leaf = LeafFor(Machine.SysStateGet(key));
        }

        var future = new LeafFuture<T?>(this, leaf, DeserializeState<T>);
        return leaf.IsResolved ? ValueTask.FromResult(future.GetResult()) : new ValueTask<T?>(future.AsTask());
    }

    public ValueTask<IReadOnlyList<string>> StateKeys()
    {
        EnsureStateReadable("Listing state keys");
        NotificationLeaf leaf;
        lock (Sync)
        {
            leaf = LeafFor(Machine.SysStateGetKeys());
        }

        var future = new LeafFuture<IReadOnlyList<string>>(this, leaf, r => r.StateKeys ?? []);
        return leaf.IsResolved ? ValueTask.FromResult(future.GetResult()) : new ValueTask<IReadOnlyList<string>>(future.AsTask());
    }

    public void Set<T>(string key, T value)
    {
        ArgumentNullException.ThrowIfNull(key);
        EnsureStateWritable("Writing state");
        var bytes = Serialize(value);
        lock (Sync)
        {
            Machine.SysStateSet(key, bytes);
        }
    }

    public void Clear(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        EnsureStateWritable("Clearing state");
        lock (Sync)
        {
            Machine.SysStateClear(key);
        }
    }

    public void ClearAll()
    {
        EnsureStateWritable("Clearing all state");
        lock (Sync)
        {
            Machine.SysStateClearAll();
        }
    }

    /// <summary>An absent key reads as <c>default</c>; an empty value is still a value.</summary>
    private T? DeserializeState<T>(NotificationResult result) =>
        result.Kind == NotificationResultKind.Void ? default : Deserialize<T>(result.Value);
}
