using System.Globalization;

namespace Restate.Sdk.Bench.Load;

/// <summary>
/// One round: every side warms up alone (a fixed warm-up, then until its CPU per call is
/// steady); the sequential scenarios run with the sides' calls interleaved; the concurrent
/// scenario runs one side at a time, the sides taking turns in stretches, starting in the order
/// given. Each result is appended to the results file.
/// </summary>
internal static class BenchRun
{
    private static readonly TimeSpan MaxSettleTime = TimeSpan.FromSeconds(20);

    /// <summary>Each side's 16-caller calls run in this many stretches, the sides taking turns.</summary>
    private const int ConcurrentStretches = 4;

    public static async Task RunAsync(ArgumentReader options)
    {
        var names = options.String("sides").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0 || names.Distinct(StringComparer.Ordinal).Count() != names.Length
            || names.Any(n => n is not (BenchReport.CSharp or BenchReport.TypeScript)))
        {
            throw new ArgumentException(
                $"--sides must list '{BenchReport.TypeScript}' and/or '{BenchReport.CSharp}' once each, comma-separated; got '{options.String("sides")}'.");
        }

        var round = options.Int("round");
        var resultsFile = options.String("results");
        var warmUp = Scenarios.WarmUp(options.Int("warmup-calls", 1200));
        var sequential = Scenarios.Sequential(options.Int("sequential-calls", 1000));
        var concurrent = Scenarios.ConcurrentCallers(options.Int("concurrent-calls", 4000));

        var sides = names.Select(n => new BenchSide(
            n, new Uri(options.String($"{n}-ingress")), options.Int($"{n}-service-pid"), options.Int($"{n}-server-pid"))).ToList();
        try
        {
            foreach (var side in sides)
            {
                foreach (var scenario in warmUp)
                {
                    Console.WriteLine(Describe(await LoadRunner.RunAsync(side, round, scenario, CancellationToken.None).ConfigureAwait(false)));
                }

                await SteadyWarmUp.RunAsync(side, round, CancellationToken.None).ConfigureAwait(false);
            }

            foreach (var scenario in sequential)
            {
                await SettleAsync(sides).ConfigureAwait(false);
                foreach (var row in await InterleavedRunner.RunAsync(sides, round, scenario, CancellationToken.None).ConfigureAwait(false))
                {
                    await ReportAsync(resultsFile, row).ConfigureAwait(false);
                }
            }

            await SettleAsync(sides).ConfigureAwait(false);
            foreach (var row in await LoadRunner.RunInTurnsAsync(sides, round, concurrent, ConcurrentStretches, CancellationToken.None).ConfigureAwait(false))
            {
                await ReportAsync(resultsFile, row).ConfigureAwait(false);
            }
        }
        finally
        {
            sides.ForEach(s => s.Dispose());
        }
    }

    /// <summary>Waits until every side's service is idle (see <see cref="CpuSettling"/>).</summary>
    private static async Task SettleAsync(IEnumerable<BenchSide> sides)
    {
        foreach (var side in sides)
        {
            var (waited, settled) = await CpuSettling.WaitAsync(side.ServicePid, MaxSettleTime).ConfigureAwait(false);
            if (!settled)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  (the {side.Name} service was still busy after {waited.TotalSeconds:0} s without calls; measuring anyway)"));
            }
            else if (waited > TimeSpan.FromSeconds(1.5))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  (waited {waited.TotalSeconds:0.0} s for the {side.Name} service to go idle)"));
            }
        }
    }

    private static async Task ReportAsync(string resultsFile, ResultRow row)
    {
        Console.WriteLine(Describe(row));
        var header = File.Exists(resultsFile) ? string.Empty : ResultRow.Header + "\n";
        await File.AppendAllTextAsync(resultsFile, header + row.ToTsv() + "\n").ConfigureAwait(false);
    }

    private static string Describe(ResultRow r) => string.Create(CultureInfo.InvariantCulture,
        $"  {r.Side,-6} round {r.Round} {r.Scenario,-18} {r.Calls,5} calls x{r.Concurrency,-2} {r.RequestsPerSecond,7:0.0} req/s  p50 {r.P50Milliseconds,6:0.00} ms  p99 {r.P99Milliseconds,6:0.00} ms  CPU ms/call: service {r.ServiceCpuMillisecondsPerCall:0.000}  restate-server {r.ServerCpuMillisecondsPerCall:0.000}  client {r.ClientCpuMillisecondsPerCall:0.000}  machine {r.MachineCpuMillisecondsPerCall:0.000}");
}
