using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace Restate.Sdk.Bench.Load;

/// <summary>
/// One side's run of a scenario, possibly in several stretches of calls. In each stretch
/// <see cref="Scenario.Concurrency"/> callers take the next call index until the stretch is done;
/// CPU time of the service, of restate-server, of this client and of the machine is read just
/// before its first and just after its last call. The figures add up over the stretches.
/// </summary>
internal sealed class ScenarioRun(BenchSide side, Scenario scenario)
{
    private readonly LatencyRecorder _latencies = new(scenario.Calls);
    private readonly long[] _lengths = new long[scenario.Calls];
    private TimeSpan _elapsed;
    private CpuSnapshot _cpu;
    private int _callsMade;

    /// <summary>Makes the calls with indexes <paramref name="first"/> .. <paramref name="first"/> + <paramref name="count"/> - 1.</summary>
    public async Task RunCallsAsync(int first, int count, CancellationToken cancellationToken)
    {
        var nextCall = first - 1;
        var end = first + count;
        Exception? firstFailure = null;
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        async Task CallerAsync()
        {
            int call;
            while ((call = Interlocked.Increment(ref nextCall)) < end)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    _lengths[call] = await side.Client.AppendAsync(scenario.KeyFor(call), $"item-{call}", failFast.Token).ConfigureAwait(false);
                }
                catch (Exception failure)
                {
                    Interlocked.CompareExchange(ref firstFailure, failure, null);
                    await failFast.CancelAsync().ConfigureAwait(false);
                    throw;
                }

                _latencies.Record(call, Stopwatch.GetElapsedTime(started));
            }
        }

        var cpuBefore = CpuSnapshot.Read(side);
        var start = Stopwatch.GetTimestamp();
        var callers = Enumerable.Range(0, Math.Min(scenario.Concurrency, count)).Select(_ => Task.Run(CallerAsync, CancellationToken.None)).ToArray();
        try
        {
            await Task.WhenAll(callers).ConfigureAwait(false);
        }
        catch when (firstFailure is not null)
        {
            // One caller failed and cancelled the others: report that failure, not the cancellations.
            ExceptionDispatchInfo.Throw(firstFailure);
        }

        _elapsed += Stopwatch.GetElapsedTime(start);
        _cpu += CpuSnapshot.Read(side) - cpuBefore;
        _callsMade += count;
    }

    /// <summary>Checks every answer and gives the figures; all calls must have been made.</summary>
    public ResultRow Finish(int round)
    {
        if (_callsMade != scenario.Calls)
        {
            throw new InvalidOperationException($"{scenario.Name} on {side.Name}: {_callsMade} of {scenario.Calls} calls made.");
        }

        AppendConsistency.Verify(scenario, _lengths);
        return ResultRow.Of(side.Name, round, scenario, _elapsed, _latencies, _cpu, _cpu.Client, _cpu.Machine);
    }
}
