using System.Globalization;

namespace Restate.Sdk.Bench.Load;

/// <summary>One side in one round: warm-up, then every measured scenario; each result is appended to the results file.</summary>
internal static class BenchRun
{
    private const string ObjectName = "BenchObject";
    private const string HandlerName = "append";
    private static readonly TimeSpan MaxSettleTime = TimeSpan.FromSeconds(20);

    public static async Task RunAsync(ArgumentReader options)
    {
        var side = options.String("side");
        if (side is not (BenchReport.CSharp or BenchReport.TypeScript))
        {
            throw new ArgumentException($"--side must be '{BenchReport.CSharp}' or '{BenchReport.TypeScript}', got '{side}'.");
        }

        var round = options.Int("round");
        var ingress = new Uri(options.String("ingress"));
        var resultsFile = options.String("results");
        var warmUp = Scenarios.WarmUp(options.Int("warmup-calls", 1200));
        var measured = Scenarios.Measured(options.Int("sequential-calls", 1000), options.Int("concurrent-calls", 4000));

        using var client = new IngressClient(ingress, ObjectName, HandlerName);
        var servicePid = options.Int("service-pid");
        var runner = new LoadRunner(client, servicePid, options.Int("server-pid"));

        foreach (var scenario in warmUp)
        {
            var warm = await runner.RunAsync(side, round, scenario, CancellationToken.None).ConfigureAwait(false);
            Console.WriteLine(Describe(warm));
        }

        foreach (var scenario in measured)
        {
            await SettleAsync(servicePid).ConfigureAwait(false);
            var row = await runner.RunAsync(side, round, scenario, CancellationToken.None).ConfigureAwait(false);
            Console.WriteLine(Describe(row));
            await AppendAsync(resultsFile, row).ConfigureAwait(false);
        }
    }

    private static async Task SettleAsync(int servicePid)
    {
        var (waited, settled) = await CpuSettling.WaitAsync(servicePid, MaxSettleTime).ConfigureAwait(false);
        if (!settled)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  (the service was still busy after {waited.TotalSeconds:0} s without calls; measuring anyway)"));
        }
        else if (waited > TimeSpan.FromSeconds(1.5))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  (waited {waited.TotalSeconds:0.0} s for the service to go idle)"));
        }
    }

    private static string Describe(ResultRow r) => string.Create(CultureInfo.InvariantCulture,
        $"  {r.Side} round {r.Round} {r.Scenario,-18} {r.Calls,5} calls x{r.Concurrency,-2} {r.RequestsPerSecond,7:0.0} req/s  p50 {r.P50Milliseconds,6:0.00} ms  p99 {r.P99Milliseconds,6:0.00} ms  CPU ms/call: service {r.ServiceCpuMillisecondsPerCall:0.000}  restate-server {r.ServerCpuMillisecondsPerCall:0.000}  client {r.ClientCpuMillisecondsPerCall:0.000}  machine {r.MachineCpuMillisecondsPerCall:0.000}");

    private static async Task AppendAsync(string resultsFile, ResultRow row)
    {
        var header = File.Exists(resultsFile) ? string.Empty : ResultRow.Header + "\n";
        await File.AppendAllTextAsync(resultsFile, header + row.ToTsv() + "\n").ConfigureAwait(false);
    }
}
