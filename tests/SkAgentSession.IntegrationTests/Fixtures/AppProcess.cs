using System.Diagnostics;
using System.Text;
using Restate.Sdk.Local;

namespace SkAgentSession.IntegrationTests.Fixtures;

/// <summary>
/// The SkAgentSession app as a real child process (so a test can kill it with SIGKILL), using an
/// existing Restate and the scripted model, on free loopback ports.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly StringBuilder _output = new();
    private Process? _process;

    public AppProcess(Uri ingressUrl, Uri adminUrl, string modelCallLog, IReadOnlyDictionary<string, string>? settings = null)
    {
        HttpPort = PortAllocator.GetFreeLoopbackPort();
        EndpointPort = PortAllocator.GetFreeLoopbackPort();
        _environment = new Dictionary<string, string>
        {
            ["RESTATE_INGRESS_URL"] = ingressUrl.ToString(),
            ["RESTATE_ADMIN_URL"] = adminUrl.ToString(),
            ["SkAgentSession__HttpPort"] = HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SkAgentSession__EndpointPort"] = EndpointPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Model__Provider"] = "scripted",
            ["SKAS_SCRIPTED_MODEL_CALL_LOG"] = modelCallLog,
            ["ScriptedModel__TestHooks"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__SkAgentSession"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _environment[key] = value;
        }
    }

    public int HttpPort { get; }

    public int EndpointPort { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{HttpPort}/");

    public Uri EndpointUrl => new($"http://127.0.0.1:{EndpointPort}/");

    /// <summary>The process of the current start (the model call log names it).</summary>
    public int? ProcessId => _process?.Id;

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

    /// <summary>Starts the app and waits until it has registered itself with Restate.</summary>
    public async Task StartAsync()
    {
        if (!File.Exists(RepositoryLayout.AppAssembly))
        {
            throw new InvalidOperationException($"The app is not built: {RepositoryLayout.AppAssembly} is missing.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryLayout.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepositoryLayout.AppAssembly);
        start.Environment.Remove("OPENAI_API_KEY");
        start.Environment.Remove("OPENAI_BASE_URL");

        // Telemetry is on only in an environment that asks for it, never inherited from the test run's shell.
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited);
        }
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        int outputStart;
        lock (_output)
        {
            outputStart = _output.Length;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilReadyAsync(process, outputStart);
    }

    /// <summary>Kills the app at once, as a crash would.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public async Task RestartAsync()
    {
        Kill();
        _process?.Dispose();
        await StartAsync();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilReadyAsync(Process process, int outputStart)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode}:\n{Output}");
            }

            if (Output.IndexOf("SkAgentSession is ready", outputStart, StringComparison.Ordinal) >= 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The app did not become ready in 60 s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
