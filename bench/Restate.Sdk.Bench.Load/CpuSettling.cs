using System.Diagnostics;

namespace Restate.Sdk.Bench.Load;

/// <summary>
/// Waits until a process has gone (nearly) idle: two consecutive windows in which it used at most
/// 2% of one core. A .NET service keeps tier-compiling in a background thread (and V8 optimizing)
/// for a while after the warm-up calls; measuring before that settles would bill the JIT to the calls.
/// </summary>
internal static class CpuSettling
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(500);
    private const double IdleShareOfOneCore = 0.02;
    private const int QuietWindowsNeeded = 2;

    /// <returns>How long it took, and whether the process settled before <paramref name="maxWait"/>.</returns>
    public static async Task<(TimeSpan Waited, bool Settled)> WaitAsync(int pid, TimeSpan maxWait)
    {
        var started = Stopwatch.GetTimestamp();
        var quietWindows = 0;
        var before = ProcessCpuClock.Read(pid);
        while (Stopwatch.GetElapsedTime(started) < maxWait)
        {
            await Task.Delay(Window).ConfigureAwait(false);
            var now = ProcessCpuClock.Read(pid);
            quietWindows = now - before <= Window * IdleShareOfOneCore ? quietWindows + 1 : 0;
            before = now;
            if (quietWindows == QuietWindowsNeeded)
            {
                return (Stopwatch.GetElapsedTime(started), true);
            }
        }

        return (Stopwatch.GetElapsedTime(started), false);
    }
}
