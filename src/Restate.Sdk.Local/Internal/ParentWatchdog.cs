using System.Diagnostics;
using System.Globalization;

namespace Restate.Sdk.Local.Internal;

/// <summary>
/// A tiny <c>sh</c> loop that kills the server if this process dies without disposing it (a crashed or killed test
/// host), so no restate-server outlives the run. It exits by itself once the server is gone.
/// </summary>
internal sealed class ParentWatchdog : IDisposable
{
    private readonly Process? _process;

    private ParentWatchdog(Process? process) => _process = process;

    public static ParentWatchdog Start(int serverPid) => Start(serverPid, Environment.ProcessId);

    /// <summary>Kills <paramref name="serverPid"/> once <paramref name="parentPid"/> is gone.</summary>
    public static ParentWatchdog Start(int serverPid, int parentPid)
    {
        var script = string.Create(
            CultureInfo.InvariantCulture,
            $"while kill -0 {parentPid} 2>/dev/null; do kill -0 {serverPid} 2>/dev/null || exit 0; sleep 1; done; kill -9 {serverPid} 2>/dev/null");
        var startInfo = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = false,
            RedirectStandardOutput = false,
            RedirectStandardError = false,
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(script);
        try
        {
            return new ParentWatchdog(Process.Start(startInfo));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Without /bin/sh the server is still stopped on dispose and on process exit; only crashes are not covered.
            return new ParentWatchdog(null);
        }
    }

    public void Dispose()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(2000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }
}
