using System.Diagnostics;

namespace SkAgentSession.Bench.Sessions;

/// <summary>The throughput of an early and a late window of turns, over many sessions run at once.</summary>
internal sealed record ConcurrentWindow(string Name, int FirstTurn, int LastTurn, double TurnsPerSecond, double MedianMs);

/// <summary>
/// Many sessions at once, each sending its turns one after another. A window's throughput is the sum
/// over the sessions of (the window's turns / the time from sending its first turn to the answer of its
/// last): with every session running the whole time, that is the rate the server sustained at that
/// point of the sessions' lives.
/// </summary>
internal sealed class ConcurrentSessions(TurnPoster poster)
{
    public async Task<(ConcurrentWindow Early, ConcurrentWindow Late, TimeSpan Wall)> RunAsync(int sessions, int turns, int window)
    {
        var run = "bench-c-" + Guid.NewGuid().ToString("N")[..8];
        var started = Stopwatch.GetTimestamp();
        var timings = await Task.WhenAll(Enumerable.Range(1, sessions).Select(s => RunSessionAsync($"{run}-{s}", turns)));
        var wall = Stopwatch.GetElapsedTime(started);
        return (Measure("early", timings, 1, window), Measure("late", timings, turns - window + 1, turns), wall);
    }

    private async Task<(long Started, TimeSpan Took)[]> RunSessionAsync(string session, int turns)
    {
        var timings = new (long, TimeSpan)[turns];
        for (var turn = 1; turn <= turns; turn++)
        {
            timings[turn - 1] = await poster.PostAsync(session, turn);
        }

        return timings;
    }

    private static ConcurrentWindow Measure(string name, IEnumerable<(long Started, TimeSpan Took)[]> sessions, int first, int last)
    {
        var rate = 0.0;
        var latencies = new List<double>();
        foreach (var timings in sessions)
        {
            var span = timings[(first - 1)..last];
            var seconds = Stopwatch.GetElapsedTime(span[0].Started, span[^1].Started).TotalSeconds + span[^1].Took.TotalSeconds;
            rate += span.Length / seconds;
            latencies.AddRange(span.Select(t => t.Took.TotalMilliseconds));
        }

        return new ConcurrentWindow(name, first, last, rate, Stats.Median(latencies));
    }
}
