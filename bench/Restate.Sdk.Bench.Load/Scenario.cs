namespace Restate.Sdk.Bench.Load;

/// <summary>A fixed number of calls, issued by <see cref="Concurrency"/> callers over <see cref="KeyCount"/> keys.</summary>
internal sealed record Scenario(string Name, int Calls, int Concurrency, int KeyCount)
{
    /// <summary>Calls go round-robin over the keys, so every key gets the same share.</summary>
    public string KeyFor(int callIndex) => KeyCount == 1 ? Name : $"{Name}-{callIndex % KeyCount}";
}
