namespace Restate.Sdk.Bench.Load;

/// <summary>The scenarios of the benchmark, in the order they run on each side.</summary>
internal static class Scenarios
{
    public const string SequentialOneKey = "seq-one-key";
    public const string SequentialManyKeys = "seq-many-keys";
    public const string Concurrent = "concurrent-16x100";

    /// <summary>
    /// Enough calls for the JIT of a .NET service to reach its optimized code (~1000 calls), in both
    /// shapes the measured scenarios use: many concurrent callers, then one sequential caller.
    /// </summary>
    public static IReadOnlyList<Scenario> WarmUp(int calls) =>
    [
        new("warmup-concurrent", calls, Concurrency: 16, KeyCount: 100),
        new("warmup-sequential", Math.Max(calls / 4, 1), Concurrency: 1, KeyCount: 1),
    ];

    public static IReadOnlyList<Scenario> Measured(int sequentialCalls, int concurrentCalls) =>
    [
        new(SequentialOneKey, sequentialCalls, Concurrency: 1, KeyCount: 1),
        new(SequentialManyKeys, sequentialCalls, Concurrency: 1, KeyCount: 100),
        new(Concurrent, concurrentCalls, Concurrency: 16, KeyCount: 100),
    ];
}
