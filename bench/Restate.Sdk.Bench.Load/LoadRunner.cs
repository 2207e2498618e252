using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace Restate.Sdk.Bench.Load;

/// <summary>
/// Runs a scenario: <see cref="Scenario.Concurrency"/> callers take the next call index until all
/// calls are made. CPU time of the service, of restate-server, of this client and of the whole
/// machine is read just before the first and just after the last call.
/// </summary>
internal sealed class LoadRunner(IngressClient client, int servicePid, int serverPid)
{
    public async Task<ResultRow> RunAsync(string side, int round, Scenario scenario, CancellationToken cancellationToken)
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
                    lengths[call] = await client.AppendAsync(scenario.KeyFor(call), $"item-{call}", failFast.Token).ConfigureAwait(false);
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

        var serviceCpuBefore = ProcessCpuClock.Read(servicePid);
        var serverCpuBefore = ProcessCpuClock.Read(serverPid);
        var clientCpuBefore = ProcessCpuClock.Read(Environment.ProcessId);
        var machineCpuBefore = ProcessCpuClock.ReadMachineBusy();
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
        var serviceCpu = ProcessCpuClock.Read(servicePid) - serviceCpuBefore;
        var serverCpu = ProcessCpuClock.Read(serverPid) - serverCpuBefore;
        var clientCpu = ProcessCpuClock.Read(Environment.ProcessId) - clientCpuBefore;
        var machineCpu = ProcessCpuClock.ReadMachineBusy() - machineCpuBefore;

        AppendConsistency.Verify(scenario, lengths);

        return new ResultRow(
            side,
            round,
            scenario.Name,
            scenario.Calls,
            scenario.Concurrency,
            elapsed.TotalSeconds,
            scenario.Calls / elapsed.TotalSeconds,
            latencies.PercentileMilliseconds(50),
            latencies.PercentileMilliseconds(99),
            serviceCpu.TotalMilliseconds / scenario.Calls,
            serverCpu.TotalMilliseconds / scenario.Calls,
            clientCpu.TotalMilliseconds / scenario.Calls,
            machineCpu.TotalMilliseconds / scenario.Calls);
    }
}
