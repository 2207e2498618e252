namespace Restate.Sdk;

/// <summary>
/// The context of an exclusive handler of a virtual object: it owns the key's state while it runs.
/// </summary>
public interface IObjectContext : ISharedObjectContext
{
    void Set<T>(string key, T value);

    void Clear(string key);

    void ClearAll();
}
