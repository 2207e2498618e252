namespace Restate.Sdk.StateMachine;

/// <summary>
/// The local view of the object's state: the map Start sent, updated by this invocation's own
/// writes. A key maps to a value, or to <c>null</c> when it is known to be absent. When the map is
/// partial, a key that is not in it is unknown and must be read lazily from the runtime.
/// </summary>
internal sealed class EagerState
{
    private readonly Dictionary<string, ReadOnlyMemory<byte>?> _values = new(StringComparer.Ordinal);

    public EagerState(bool isPartial, IEnumerable<KeyValuePair<string, ReadOnlyMemory<byte>>> values)
    {
        IsPartial = isPartial;
        foreach (var (key, value) in values)
        {
            _values[key] = value;
        }
    }

    public bool IsPartial { get; private set; }

    /// <summary>Known value, known absence (<c>Known</c> with a null value), or unknown.</summary>
    public bool TryGet(string key, out ReadOnlyMemory<byte>? value)
    {
        if (_values.TryGetValue(key, out value))
        {
            return true;
        }

        value = null;
        return !IsPartial;
    }

    /// <summary>The keys that hold a value, sorted; <c>null</c> when the map is partial.</summary>
    public IReadOnlyList<string>? TryGetKeys()
    {
        if (IsPartial)
        {
            return null;
        }

        var keys = new List<string>(_values.Count);
        foreach (var (key, value) in _values)
        {
            if (value is not null)
            {
                keys.Add(key);
            }
        }

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    public void Set(string key, ReadOnlyMemory<byte> value) => _values[key] = value;

    public void Clear(string key) => _values[key] = null;

    /// <summary>Nothing is left after ClearAll, so the view is complete again.</summary>
    public void ClearAll()
    {
        _values.Clear();
        IsPartial = false;
    }
}
