using System.Globalization;
using System.Runtime.InteropServices;

namespace Restate.Sdk.Bench.Load;

/// <summary>
/// CPU time used so far, from the kernel's accounting: of one process (user + system, all its
/// threads, from <c>/proc/&lt;pid&gt;/stat</c>) or of the whole machine (every busy state of
/// every core, from <c>/proc/stat</c>).
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
        return FromTicks(ParseTicks(afterName[11]) + ParseTicks(afterName[12]));
    }

    public static TimeSpan ReadMachineBusy()
    {
        // "cpu  user nice system idle iowait irq softirq steal guest guest_nice" (guest is already in user).
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int[] busy = [1, 2, 3, 6, 7, 8];
        return FromTicks(busy.Sum(i => ParseTicks(fields[i])));
    }

    private static long ParseTicks(string text) => long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    private static TimeSpan FromTicks(long ticks) => TimeSpan.FromSeconds((double)ticks / TicksPerSecond);

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
