using System.Globalization;

namespace Restate.Sdk.Bench.Load;

/// <summary>The figures of one scenario on one side in one round; one line of the results TSV.</summary>
internal sealed record ResultRow(
    string Side,
    int Round,
    string Scenario,
    int Calls,
    int Concurrency,
    double Seconds,
    double RequestsPerSecond,
    double P50Milliseconds,
    double P99Milliseconds,
    double ServiceCpuMillisecondsPerCall,
    double ServerCpuMillisecondsPerCall,
    double ClientCpuMillisecondsPerCall,
    double MachineCpuMillisecondsPerCall)
{
    public const string Header =
        "side\tround\tscenario\tcalls\tconcurrency\tseconds\treq_per_s\tp50_ms\tp99_ms\tservice_cpu_ms_per_call\tserver_cpu_ms_per_call\tclient_cpu_ms_per_call\tmachine_cpu_ms_per_call";

    private const int FieldCount = 13;

    /// <summary>
    /// The row of one side. <paramref name="client"/> and <paramref name="machine"/> are this side's
    /// share of the client's and the machine's CPU time (all of it when the side ran alone).
    /// </summary>
    public static ResultRow Of(
        string side, int round, Scenario scenario, TimeSpan elapsed, LatencyRecorder latencies, CpuSnapshot cpu, TimeSpan client, TimeSpan machine) => new(
        side,
        round,
        scenario.Name,
        scenario.Calls,
        scenario.Concurrency,
        elapsed.TotalSeconds,
        scenario.Calls / elapsed.TotalSeconds,
        latencies.PercentileMilliseconds(50),
        latencies.PercentileMilliseconds(99),
        cpu.Service.TotalMilliseconds / scenario.Calls,
        cpu.Server.TotalMilliseconds / scenario.Calls,
        client.TotalMilliseconds / scenario.Calls,
        machine.TotalMilliseconds / scenario.Calls);

    public string ToTsv() => string.Join('\t',
        Side,
        Round.ToString(CultureInfo.InvariantCulture),
        Scenario,
        Calls.ToString(CultureInfo.InvariantCulture),
        Concurrency.ToString(CultureInfo.InvariantCulture),
        Format(Seconds),
        Format(RequestsPerSecond),
        Format(P50Milliseconds),
        Format(P99Milliseconds),
        Format(ServiceCpuMillisecondsPerCall),
        Format(ServerCpuMillisecondsPerCall),
        Format(ClientCpuMillisecondsPerCall),
        Format(MachineCpuMillisecondsPerCall));

    public static ResultRow ParseTsv(string line)
    {
        var f = line.Split('\t');
        if (f.Length != FieldCount)
        {
            throw new FormatException($"A results line needs {FieldCount} tab-separated fields, this one has {f.Length}: {line}");
        }

        return new ResultRow(
            f[0],
            int.Parse(f[1], CultureInfo.InvariantCulture),
            f[2],
            int.Parse(f[3], CultureInfo.InvariantCulture),
            int.Parse(f[4], CultureInfo.InvariantCulture),
            ParseDouble(f[5]),
            ParseDouble(f[6]),
            ParseDouble(f[7]),
            ParseDouble(f[8]),
            ParseDouble(f[9]),
            ParseDouble(f[10]),
            ParseDouble(f[11]),
            ParseDouble(f[12]));
    }

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static double ParseDouble(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
