using System.Globalization;

namespace SkAgentSession.Bench;

/// <summary>CPU time a process has used so far (user + system), from <c>/proc/&lt;pid&gt;/stat</c>.</summary>
internal static class ProcessCpu
{
    // USER_HZ is 100 on every Linux this runs on (sysconf(_SC_CLK_TCK)).
    private const double TicksPerSecond = 100;

    public static TimeSpan Read(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
