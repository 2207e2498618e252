namespace Restate.Sdk;

/// <summary>
/// The context of an exclusive handler of a virtual object: it owns the key's state while it runs.
/// </summary>
public interface IObjectContext : ISharedObjectContext
{
    /// <summary>Stores <paramref name="value"/> under the state key <paramref name="key"/>.</summary>
    void Set<T>(string key, T value);

    /// <summary>Removes the state key <paramref name="key"/>.</summary>
    void Clear(string key);

    /// <summary>Removes all state of this object's key.</summary>
    void ClearAll();
}
