namespace Restate.Sdk.Bench.Load;

/// <summary>The scenarios of the benchmark, in the order they run.</summary>
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

    /// <summary>One caller: measured with the sides' calls interleaved.</summary>
    public static IReadOnlyList<Scenario> Sequential(int calls) =>
    [
        new(SequentialOneKey, calls, Concurrency: 1, KeyCount: 1),
        new(SequentialManyKeys, calls, Concurrency: 1, KeyCount: 100),
    ];

    /// <summary>16 callers: measured one side at a time (the sides take turns), each with the machine to itself.</summary>
    public static Scenario ConcurrentCallers(int calls) => new(Concurrent, calls, Concurrency: 16, KeyCount: 100);
}
