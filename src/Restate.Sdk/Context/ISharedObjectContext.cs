namespace Restate.Sdk;

/// <summary>
/// The context of a shared handler of a virtual object: it may read state, never write it,
/// and runs concurrently with other shared handlers of the same key.
/// </summary>
public interface ISharedObjectContext : IContext
{
    /// <summary>The key of the object (or workflow) this invocation runs on.</summary>
    string Key { get; }

    /// <summary>Reads a state value; <c>default</c> when the key holds none.</summary>
    ValueTask<T?> Get<T>(string key);

    /// <summary>The state keys that currently hold a value.</summary>
    ValueTask<IReadOnlyList<string>> StateKeys();
}
