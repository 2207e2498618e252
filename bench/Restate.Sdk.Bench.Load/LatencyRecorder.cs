namespace Restate.Sdk.Bench.Load;

/// <summary>
/// Keeps every call's latency (one slot per call index, so callers never contend) and
/// answers exact percentiles by nearest rank.
/// </summary>
internal sealed class LatencyRecorder(int calls)
{
    private readonly double[] _milliseconds = new double[calls];

    public void Record(int callIndex, TimeSpan latency) => _milliseconds[callIndex] = latency.TotalMilliseconds;

    public double PercentileMilliseconds(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percentile);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        var sorted = _milliseconds.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Max(rank, 1) - 1];
    }
}
