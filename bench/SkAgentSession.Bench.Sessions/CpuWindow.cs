namespace SkAgentSession.Bench.Sessions;

/// <summary>The CPU time the app and restate-server used between <see cref="Start"/> and <see cref="Stop"/>.</summary>
internal sealed class CpuWindow(int appPid, int restatePid)
{
    private TimeSpan _appStart;
    private TimeSpan _restateStart;

    public TimeSpan App { get; private set; }

    public TimeSpan Restate { get; private set; }

    public void Start()
    {
        _appStart = ProcessCpu.Read(appPid);
        _restateStart = ProcessCpu.Read(restatePid);
    }

    public void Stop()
    {
        App = ProcessCpu.Read(appPid) - _appStart;
        Restate = ProcessCpu.Read(restatePid) - _restateStart;
    }

    /// <summary>
    /// Waits until both processes are idle (two 0.5 s windows under 2% of a core each, at most 20 s), so
    /// the JIT's background compilation after the warm-up is not billed to the first measured turns.
    /// </summary>
    public static async Task WaitUntilIdleAsync(int appPid, int restatePid)
    {
        var quiet = 0;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (quiet < 2 && DateTime.UtcNow < deadline)
        {
            var window = new CpuWindow(appPid, restatePid);
            window.Start();
            await Task.Delay(500);
            window.Stop();
            quiet = window.App.TotalMilliseconds <= 10 && window.Restate.TotalMilliseconds <= 10 ? quiet + 1 : 0;
        }
    }
}
