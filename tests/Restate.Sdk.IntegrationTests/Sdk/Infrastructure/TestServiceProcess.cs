using System.Diagnostics;
using System.Globalization;
using System.Text;
using Restate.Sdk.Local;

namespace Restate.Sdk.IntegrationTests.Sdk.Infrastructure;

/// <summary>
/// <c>tests/Restate.Sdk.TestService</c> as a child process on a free loopback port, so a test can kill it with
/// SIGKILL and start it again on the same port (the registered deployment URI stays valid).
/// </summary>
public sealed class TestServiceProcess : IAsyncDisposable
{
    private const string ReadyLine = "Restate test service ready";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _mode;
    private readonly StringBuilder _output = new();
    private Process? _process;

    /// <param name="mode"><c>bidi</c> or <c>request-response</c>.</param>
    /// <param name="workDirectory">Where the service's handlers leave their traces.</param>
    public TestServiceProcess(string mode, string workDirectory)
    {
        _mode = mode;
        WorkDirectory = workDirectory;
        Port = PortAllocator.GetFreeLoopbackPort();
    }

    public int Port { get; }

    public string WorkDirectory { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    public bool UsesHttp11 => _mode == "request-response";

    /// <summary>Everything the process wrote to stdout and stderr, over all its starts.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the service and waits until it listens.</summary>
    public async Task StartAsync()
    {
        if (!File.Exists(TestServiceLayout.Assembly))
        {
            throw new InvalidOperationException($"The test service is not built: {TestServiceLayout.Assembly} is missing.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(TestServiceLayout.Assembly);
        foreach (var argument in (string[])[
            "--port", Port.ToString(CultureInfo.InvariantCulture),
            "--mode", _mode,
            "--work-dir", WorkDirectory,
            "--parent-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        var readyCount = CountReadyLines();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        await Eventually.Until(
            () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The test service exited with code {process.ExitCode}:\n{Output}");
                }

                return CountReadyLines();
            },
            count => count > readyCount,
            "the test service to listen",
            StartTimeout);
    }

    /// <summary>Kills the process with SIGKILL, as a crash would, and waits until it is gone.</summary>
    public void Kill()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit();
            }

            process.Dispose();
            _process = null;
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }

    private int CountReadyLines()
    {
        var output = Output;
        var count = 0;
        for (var at = output.IndexOf(ReadyLine, StringComparison.Ordinal); at >= 0; at = output.IndexOf(ReadyLine, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
