using System.Diagnostics;
using System.Text;

namespace Restate.Sdk.PackageTests;

/// <summary>
/// Starts the <c>dotnet</c> commands the tests run. A child gets a clean environment for MSBuild (no variables that the
/// test host's own build left behind) and a temporary folder of the test's, so whatever it leaves there is cleaned up.
/// </summary>
public static class ChildProcesses
{
    public static ProcessStartInfo Dotnet(string workingDirectory, string tempDirectory, params string[] arguments) =>
        Command("dotnet", workingDirectory, tempDirectory, arguments);

    public static ProcessStartInfo Command(string fileName, string workingDirectory, string tempDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(IsInheritedBuildVariable).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["TMPDIR"] = tempDirectory;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER"] = "1";
        return start;
    }

    /// <summary>Runs a command to its end and returns its output; kills it (and its children) after <paramref name="timeout"/>.</summary>
    public static async Task<ProcessResult> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{Describe(start)}' did not finish within {timeout}:{Environment.NewLine}{Read(output)}");
        }

        // The parameterless wait also drains the redirected output.
        await process.WaitForExitAsync();
        return new ProcessResult(Describe(start), process.ExitCode, Read(output));
    }

    public static string Describe(ProcessStartInfo start) => start.FileName + " " + string.Join(' ', start.ArgumentList);

    private static bool IsInheritedBuildVariable(string name) =>
        name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.Equals("MSBUILD_EXE_PATH", StringComparison.OrdinalIgnoreCase);

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
