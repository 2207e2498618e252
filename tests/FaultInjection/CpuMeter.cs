using System.Diagnostics;

namespace SkAgentSession.FaultInjection;

/// <summary>
/// CPU time the processes of a run spent while the conversations ran, by part (the service replicas, the balancer,
/// the Restate nodes): on a shared machine wall-clock throughput says little, CPU seconds per message say where the work is.
/// </summary>
internal sealed class CpuMeter(IReadOnlyDictionary<string, Func<IReadOnlyList<int>>> processIdsByPart)
{
    private Dictionary<string, TimeSpan> _atStart = [];

    public void Start() => _atStart = Sample();

    /// <summary>CPU seconds of each part since <see cref="Start"/> (processes gone meanwhile count until their last sample).</summary>
    public Dictionary<string, double> Stop()
    {
        var atEnd = Sample();
        return atEnd.ToDictionary(p => p.Key, p => Math.Max(0, (p.Value - _atStart.GetValueOrDefault(p.Key)).TotalSeconds));
    }

    private Dictionary<string, TimeSpan> Sample() =>
        processIdsByPart.ToDictionary(p => p.Key, p => p.Value().Select(CpuTime).Aggregate(TimeSpan.Zero, (a, b) => a + b));

    private static TimeSpan CpuTime(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.TotalProcessorTime;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return TimeSpan.Zero;
        }
    }
}
