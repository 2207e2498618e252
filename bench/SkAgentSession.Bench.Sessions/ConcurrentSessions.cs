using System.Diagnostics;

namespace SkAgentSession.Bench.Sessions;

/// <summary>The throughput of an early and a late window of turns, over many sessions run at once.</summary>
internal sealed record ConcurrentWindow(string Name, int FirstTurn, int LastTurn, double TurnsPerSecond, double MedianMs);

/// <summary>
/// Many sessions at once, each sending its turns one after another. A window's throughput is the sum
/// over the sessions of (the window's turns / the time from sending its first turn to the answer of its
/// last): with every session running the whole time, that is the rate the server sustained at that
/// point of the sessions' lives. So that it is, a session that has sent its turns goes on with unmeasured
/// ones until all have (the last window is measured under the same load as the first), and a round of a
/// few turns on other sessions, all at once, warms the app up for this many callers first.
/// </summary>
internal sealed class ConcurrentSessions(TurnPoster poster)
{
    public const int WarmUpTurns = 5;

    public async Task<(ConcurrentWindow Early, ConcurrentWindow Late, TimeSpan Wall)> RunAsync(int sessions, int turns, int window)
    {
        var warmUp = "bench-cw-" + Guid.NewGuid().ToString("N")[..8];
        var warmedUp = new Countdown(sessions);
        await Task.WhenAll(Enumerable.Range(1, sessions).Select(s => RunSessionAsync($"{warmUp}-{s}", WarmUpTurns, warmedUp)));

        var run = "bench-c-" + Guid.NewGuid().ToString("N")[..8];
        var measured = new Countdown(sessions);
        var started = Stopwatch.GetTimestamp();
        var timings = await Task.WhenAll(Enumerable.Range(1, sessions).Select(s => RunSessionAsync($"{run}-{s}", turns, measured)));
        var wall = measured.FinishedAfter(started);
        return (Measure("early", timings, 1, window), Measure("late", timings, turns - window + 1, turns), wall);
    }

    /// <summary>Sends the session's turns, then more (not measured) until every session has sent its turns.</summary>
    private async Task<(long Started, TimeSpan Took)[]> RunSessionAsync(string session, int turns, Countdown allDone)
    {
        var timings = new (long, TimeSpan)[turns];
        for (var turn = 1; turn <= turns; turn++)
        {
            timings[turn - 1] = await poster.PostAsync(session, turn);
        }

        allDone.Signal();
        for (var turn = turns + 1; !allDone.IsSet; turn++)
        {
            await poster.PostAsync(session, turn);
        }

        return timings;
    }

    /// <summary>Counts sessions that have sent their measured turns, and notes when the last one did.</summary>
    private sealed class Countdown(int sessions)
    {
        private int _left = sessions;
        private long _lastAt;

        public bool IsSet => Volatile.Read(ref _left) == 0;

        public void Signal()
        {
            if (Interlocked.Decrement(ref _left) == 0)
            {
                _lastAt = Stopwatch.GetTimestamp();
            }
        }

        public TimeSpan FinishedAfter(long started) => Stopwatch.GetElapsedTime(started, _lastAt);
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
