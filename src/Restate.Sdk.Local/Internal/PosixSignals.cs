using System.Runtime.InteropServices;

namespace Restate.Sdk.Local.Internal;

/// <summary>kill(2): .NET can send SIGKILL (<see cref="System.Diagnostics.Process.Kill()"/>) but not SIGTERM.</summary>
internal static partial class PosixSignals
{
    // Same numbers on Linux and macOS.
    public const int SigTerm = 15;

    public static void Send(int pid, int signal)
    {
        if (Kill(pid, signal) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            const int NoSuchProcess = 3;
            if (errno != NoSuchProcess)
            {
                throw new InvalidOperationException($"kill({pid}, {signal}) failed with errno {errno}.");
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
