using System.Globalization;
using System.Runtime.InteropServices;

namespace Restate.Sdk.Bench.Load;

/// <summary>
/// CPU time (user + system, all threads) a process has used so far, read from <c>/proc/&lt;pid&gt;/stat</c>.
/// </summary>
internal static partial class ProcessCpuClock
{
    private const int ScClockTicks = 2; // _SC_CLK_TCK on Linux

    private static readonly long TicksPerSecond = ReadTicksPerSecond();

    public static TimeSpan Read(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) is in parentheses and may contain spaces: parse after the last ')'.
        var afterName = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // afterName[0] is field 3 (state); utime and stime are fields 14 and 15.
        var utime = long.Parse(afterName[11], CultureInfo.InvariantCulture);
        var stime = long.Parse(afterName[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds((double)(utime + stime) / TicksPerSecond);
    }

    private static long ReadTicksPerSecond()
    {
        var ticks = SysConf(ScClockTicks);
        if (ticks <= 0)
        {
            throw new InvalidOperationException("sysconf(_SC_CLK_TCK) failed; cannot convert /proc CPU times.");
        }

        return ticks;
    }

    [LibraryImport("libc", EntryPoint = "sysconf")]
    private static partial long SysConf(int name);
}
