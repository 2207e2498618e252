using System.Diagnostics;

namespace Restate.Sdk.Bench.Load;

/// <summary>
/// Runs a sequential scenario on every side in the same stretch of time: one call at a time,
/// alternating between the sides call by call (A B, B A, A B, …). On a machine shared with other
/// work, sides measured one after the other met different background load, and that difference
/// was larger than the latency difference being measured; interleaved, both meet the same load.
/// </summary>
internal static class InterleavedRunner
{
    public static async Task<IReadOnlyList<ResultRow>> RunAsync(
        IReadOnlyList<BenchSide> sides, int round, Scenario scenario, CancellationToken cancellationToken)
    {
        if (scenario.Concurrency != 1)
        {
            throw new ArgumentException($"Only sequential scenarios can be interleaved; {scenario.Name} has {scenario.Concurrency} callers.");
        }

        var latencies = sides.Select(_ => new LatencyRecorder(scenario.Calls)).ToArray();
        var lengths = sides.Select(_ => new long[scenario.Calls]).ToArray();
        var timeInCalls = new TimeSpan[sides.Count];
        var before = sides.Select(CpuSnapshot.Read).ToArray();

        for (var call = 0; call < scenario.Calls; call++)
        {
            for (var turn = 0; turn < sides.Count; turn++)
            {
                // Alternate who goes first, so neither side always follows the other's call.
                var s = call % 2 == 0 ? turn : sides.Count - 1 - turn;
                var started = Stopwatch.GetTimestamp();
                lengths[s][call] = await sides[s].Client.AppendAsync(scenario.KeyFor(call), $"item-{call}", cancellationToken).ConfigureAwait(false);
                var latency = Stopwatch.GetElapsedTime(started);
                latencies[s].Record(call, latency);
                timeInCalls[s] += latency;
            }
        }

        var after = sides.Select(CpuSnapshot.Read).ToArray();
        var totalTimeInCalls = timeInCalls.Aggregate(TimeSpan.Zero, (sum, t) => sum + t);
        var rows = new List<ResultRow>(sides.Count);
        for (var s = 0; s < sides.Count; s++)
        {
            AppendConsistency.Verify(scenario, lengths[s]);
            var cpu = after[s] - before[s];

            // Each side's service and restate-server are separate processes, measured on their own.
            // The client and the machine served both sides: each side is billed the share of the
            // time its calls took. Its req/s is its calls over the time its calls took.
            var share = timeInCalls[s] / totalTimeInCalls;
            rows.Add(ResultRow.Of(sides[s].Name, round, scenario, timeInCalls[s], latencies[s], cpu, cpu.Client * share, cpu.Machine * share));
        }

        return rows;
    }
}
