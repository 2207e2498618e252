namespace SkAgentSession.Bench.Sessions;

/// <summary>
/// One session, its turns sent one after another; the latency and the CPU of the app and of
/// restate-server are measured over an early and a late window of turns.
/// </summary>
internal sealed class SequentialSession(TurnPoster poster, int appPid, int restatePid)
{
    public async Task<(TurnWindow Early, TurnWindow Late)> RunAsync(string session, int turns, int window)
    {
        var early = new TurnWindow("early", 1, window);
        var late = new TurnWindow("late", turns - window + 1, turns);
        var cpu = new CpuWindow(appPid, restatePid);
        for (var turn = 1; turn <= turns; turn++)
        {
            var measured = early.Holds(turn) ? early : late.Holds(turn) ? late : null;
            if (measured is not null && turn == measured.FirstTurn)
            {
                cpu.Start();
            }

            var (_, took) = await poster.PostAsync(session, turn);
            if (measured is null)
            {
                continue;
            }

            measured.LatenciesMs.Add(took.TotalMilliseconds);
            if (turn == measured.LastTurn)
            {
                cpu.Stop();
                measured.AppCpu = cpu.App;
                measured.RestateCpu = cpu.Restate;
            }
        }

        return (early, late);
    }
}
