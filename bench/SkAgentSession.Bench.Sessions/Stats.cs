namespace SkAgentSession.Bench.Sessions;

internal static class Stats
{
    /// <summary>The nearest-rank median.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[(sorted.Count - 1) / 2];
    }
}
