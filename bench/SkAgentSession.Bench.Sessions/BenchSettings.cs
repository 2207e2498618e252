using System.Globalization;

namespace SkAgentSession.Bench.Sessions;

/// <summary>The benchmark's sizes, from the environment (<c>bench/sessions.sh</c> documents them), so a run can be shortened.</summary>
internal sealed record BenchSettings(int WarmUpTurns, int Turns, int Window, int Sessions, int SessionTurns, int SessionWindow)
{
    public static BenchSettings FromEnvironment()
    {
        var settings = new BenchSettings(
            WarmUpTurns: Read("BENCH_SESSIONS_WARMUP", 200),
            Turns: Read("BENCH_SESSIONS_TURNS", 1000),
            Window: Read("BENCH_SESSIONS_WINDOW", 50),
            Sessions: Read("BENCH_SESSIONS_CONCURRENT", 50),
            SessionTurns: Read("BENCH_SESSIONS_CONCURRENT_TURNS", 200),
            SessionWindow: Read("BENCH_SESSIONS_CONCURRENT_WINDOW", 20));
        if (settings.Window < 1 || settings.Turns < 2 * settings.Window || settings.SessionWindow < 1 || settings.SessionTurns < 2 * settings.SessionWindow)
        {
            throw new ArgumentException("The turns must hold two windows that do not overlap (BENCH_SESSIONS_TURNS ≥ 2 × BENCH_SESSIONS_WINDOW, and the same for the concurrent sessions).");
        }

        return settings;
    }

    private static int Read(string name, int fallback)
    {
        var text = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(text) ? fallback
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value
            : throw new ArgumentException($"{name} must be a whole number, not '{text}'.");
    }
}
