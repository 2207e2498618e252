using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Restate.Sdk.Local.Internal;

/// <summary>Runs <c>npm install</c> in the tools folder, streaming its output to the logger.</summary>
internal static class NpmInstaller
{
    public static async Task InstallAsync(
        string toolsDirectory,
        string npmCommand,
        TimeSpan timeout,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(npmCommand)
        {
            WorkingDirectory = toolsDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("install");
        startInfo.ArgumentList.Add("--no-audit");
        startInfo.ArgumentList.Add("--no-fund");

        // The server package depends on @scarf/scarf, whose install step reports to the internet unless told not to.
        startInfo.Environment["SCARF_ANALYTICS"] = "false";

        var tail = new LogTail(50);
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => OnLine(e.Data, LogLevel.Information);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data, LogLevel.Warning);

        logger.LogInformation("restate-server is not installed; running '{Npm} install --no-audit --no-fund' in {Directory}", npmCommand, toolsDirectory);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new LocalRestateServerException(
                $"restate-server is not installed in '{toolsDirectory}' and npm ('{npmCommand}') could not be started: {e.Message}. "
                + $"Install Node.js with npm and run 'npm install' there, or set ServerBinaryPath.",
                e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new LocalRestateServerException($"'npm install' in '{toolsDirectory}' did not finish within {timeout}.", tail.Snapshot());
        }

        // The parameterless wait also drains the redirected output.
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new LocalRestateServerException(
                $"'npm install' in '{toolsDirectory}' failed with exit code {process.ExitCode}.", tail.Snapshot());
        }

        void OnLine(string? line, LogLevel level)
        {
            if (line is null)
            {
                return;
            }

            tail.Add(line);
            logger.Log(level, "npm: {Line}", line);
        }
    }
}
