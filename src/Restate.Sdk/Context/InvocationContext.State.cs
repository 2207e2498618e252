using Restate.Sdk.StateMachine;

namespace Restate.Sdk;

/// <summary>State access. Reads complete synchronously when the eager state can answer them.</summary>
internal sealed partial class InvocationContext
{
    public ValueTask<T?> Get<T>(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        EnsureStateReadable("Reading state");
        LeafFuture<T?> future;
        lock (Sync)
        {
            future = LeafFor(Machine.SysStateGet(key), DeserializeState<T>);
        }

        return new ValueTask<T?>(future.AsTask());
    }

    public ValueTask<IReadOnlyList<string>> StateKeys()
    {
        EnsureStateReadable("Listing state keys");
        LeafFuture<IReadOnlyList<string>> future;
        lock (Sync)
        {
            future = LeafFor(Machine.SysStateGetKeys(), r => r.StateKeys ?? []);
        }

        return new ValueTask<IReadOnlyList<string>>(future.AsTask());
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
