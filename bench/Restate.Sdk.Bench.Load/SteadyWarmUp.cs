using System.Globalization;

namespace Restate.Sdk.Bench.Load;

/// <summary>
/// After the fixed warm-up, batches of sequential calls until the service's CPU per call stops
/// changing. A fixed warm-up left .NET's tiered JIT unfinished: with tiered PGO a method is
/// compiled up to three times, and the last step happens only after the method has been called
/// again at its instrumented tier. ~1400 methods were still being recompiled during the first
/// measured scenario after a 1500-call warm-up (service CPU 1.2–1.5 ms per call instead of ~0.5,
/// and a JIT thread competing for the two cores). Each batch's CPU counts until the service is
/// idle again, so work the batch set off in the background counts too. Both sides get the same
/// treatment; a runtime that is already steady stops after four batches.
/// </summary>
internal static class SteadyWarmUp
{
    private const int BatchCalls = 200;
    private const int MinBatches = 4;
    private const int MaxBatches = 12;
    private const int StableBatches = 3;

    // CPU time comes in 10 ms clock ticks: a batch of ~100 ms reads ±10%, and batches vary by
    // another ±15% on a shared machine. Recompilation shows as 5–8 times the steady figure.
    private const double StableWithin = 0.5;
    private static readonly TimeSpan MaxSettleTime = TimeSpan.FromSeconds(20);

    public static async Task RunAsync(BenchSide side, int round, CancellationToken cancellationToken)
    {
        var perBatch = new List<double>();
        for (var batch = 1; batch <= MaxBatches; batch++)
        {
            // A fresh key per batch, so every batch sees the same list sizes.
            var scenario = new Scenario($"warmup-steady-{round}-{batch}", BatchCalls, Concurrency: 1, KeyCount: 1);
            var cpuBefore = ProcessCpuClock.Read(side.ServicePid);
            await LoadRunner.RunAsync(side, round, scenario, cancellationToken).ConfigureAwait(false);
            await CpuSettling.WaitAsync(side.ServicePid, MaxSettleTime).ConfigureAwait(false);
            perBatch.Add((ProcessCpuClock.Read(side.ServicePid) - cpuBefore).TotalMilliseconds / BatchCalls);
            if (IsSteady(perBatch))
            {
                break;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {side.Name,-6} round {round} warmup-steady      {perBatch.Count} x {BatchCalls} sequential calls; service CPU ms/call (incl. background work until idle): {string.Join(", ", perBatch.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture)))}"));
    }

    /// <summary>
    /// At least <see cref="MinBatches"/> batches, and the last <see cref="StableBatches"/> within
    /// <see cref="StableWithin"/> of each other. Recompilation has lasted up to two batches (e.g.
    /// 3.95 and 3.75 ms per call, then 0.5), so two similar batches alone prove nothing.
    /// </summary>
    private static bool IsSteady(List<double> perBatch)
    {
        if (perBatch.Count < MinBatches)
        {
            return false;
        }

        var last = perBatch[^StableBatches..];
        return last.Max() <= (1 + StableWithin) * last.Min();
    }
}
