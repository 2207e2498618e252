using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace Restate.Sdk.Bench.Load;

/// <summary>
/// Runs a scenario on one side: <see cref="Scenario.Concurrency"/> callers take the next call index
/// until all calls are made. CPU time of the service, of restate-server, of this client and of the
/// whole machine is read just before the first and just after the last call.
/// </summary>
internal static class LoadRunner
{
    public static async Task<ResultRow> RunAsync(BenchSide side, int round, Scenario scenario, CancellationToken cancellationToken)
    {
        var latencies = new LatencyRecorder(scenario.Calls);
        var lengths = new long[scenario.Calls];
        var nextCall = -1;
        Exception? firstFailure = null;
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        async Task CallerAsync()
        {
            int call;
            while ((call = Interlocked.Increment(ref nextCall)) < scenario.Calls)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    lengths[call] = await side.Client.AppendAsync(scenario.KeyFor(call), $"item-{call}", failFast.Token).ConfigureAwait(false);
                }
                catch (Exception failure)
                {
                    Interlocked.CompareExchange(ref firstFailure, failure, null);
                    await failFast.CancelAsync().ConfigureAwait(false);
                    throw;
                }

                latencies.Record(call, Stopwatch.GetElapsedTime(started));
            }
        }

        var cpuBefore = CpuSnapshot.Read(side);
        var start = Stopwatch.GetTimestamp();

        var callers = Enumerable.Range(0, scenario.Concurrency).Select(_ => Task.Run(CallerAsync, CancellationToken.None)).ToArray();
        try
        {
            await Task.WhenAll(callers).ConfigureAwait(false);
        }
        catch when (firstFailure is not null)
        {
            // One caller failed and cancelled the others: report that failure, not the cancellations.
            ExceptionDispatchInfo.Throw(firstFailure);
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        var cpu = CpuSnapshot.Read(side) - cpuBefore;

        AppendConsistency.Verify(scenario, lengths);
        return ResultRow.Of(side.Name, round, scenario, elapsed, latencies, cpu, cpu.Client, cpu.Machine);
    }
}
