using System.Globalization;

namespace Restate.Sdk.Bench.Load;

/// <summary>
/// Prints the median figures of all rounds per side and scenario, then the ratio line
/// (C# divided by TypeScript) when both sides were measured.
/// </summary>
internal static class BenchReport
{
    public const string CSharp = "csharp";
    public const string TypeScript = "ts";

    private static readonly string[] SideOrder = [TypeScript, CSharp];

    /// <returns>Whether both sides were measured and the ratio line was printed.</returns>
    public static bool Print(IReadOnlyList<ResultRow> rows, TextWriter output)
    {
        var rounds = rows.Select(r => r.Round).Distinct().Count();
        output.WriteLine($"BenchObject.append: median of {rounds} round(s) per side. CPU columns are ms of CPU time per call: the service,");
        output.WriteLine("restate-server, the load client, and every process on the machine (the rest is other work sharing the cores).");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"scenario",-18} {"side",-10} {"calls",5} {"req/s",7} {"(min-max)",10} {"p50 ms",7} {"p99 ms",7} {"service",8} {"restate",8} {"client",7} {"machine",8}"));

        foreach (var scenario in rows.Select(r => r.Scenario).Distinct())
        {
            foreach (var side in SideOrder)
            {
                var runs = rows.Where(r => r.Scenario == scenario && r.Side == side).ToList();
                if (runs.Count == 0)
                {
                    continue;
                }

                var rps = runs.Select(r => r.RequestsPerSecond).ToList();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{scenario,-18} {SideName(side),-10} {runs[0].Calls,5} {Median(rps),7:0.0} {$"({rps.Min():0}-{rps.Max():0})",10} "
                    + $"{Median(runs.Select(r => r.P50Milliseconds)),7:0.00} {Median(runs.Select(r => r.P99Milliseconds)),7:0.00} "
                    + $"{Median(runs.Select(r => r.ServiceCpuMillisecondsPerCall)),8:0.000} {Median(runs.Select(r => r.ServerCpuMillisecondsPerCall)),8:0.000} "
                    + $"{Median(runs.Select(r => r.ClientCpuMillisecondsPerCall)),7:0.000} {Median(runs.Select(r => r.MachineCpuMillisecondsPerCall)),8:0.000}"));
            }
        }

        if (!rows.Any(r => r.Side == CSharp) || !rows.Any(r => r.Side == TypeScript))
        {
            return false;
        }

        var throughput = Ratio(rows, Scenarios.Concurrent, r => r.RequestsPerSecond);
        var p50 = Ratio(rows, Scenarios.SequentialOneKey, r => r.P50Milliseconds);
        var cpu = Ratio(rows, Scenarios.Concurrent, r => r.ServiceCpuMillisecondsPerCall);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio throughput={throughput:0.00} p50={p50:0.00} cpu={cpu:0.00}"));
        return true;
    }

    private static string SideName(string side) => side switch
    {
        CSharp => "C#",
        TypeScript => "TypeScript",
        _ => side,
    };

    private static double Ratio(IReadOnlyList<ResultRow> rows, string scenario, Func<ResultRow, double> figure)
    {
        double MedianOf(string side)
        {
            var values = rows.Where(r => r.Scenario == scenario && r.Side == side).Select(figure).ToList();
            return values.Count > 0
                ? Median(values)
                : throw new InvalidOperationException($"No {SideName(side)} figures for scenario {scenario}.");
        }

        return MedianOf(CSharp) / MedianOf(TypeScript);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
