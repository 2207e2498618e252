using System.Diagnostics;
using System.Globalization;
using Restate.Sdk.Local;

namespace SkAgentSession.FaultInjection;

/// <summary>
/// One instance of the SkAgentSession app as a child process on fixed loopback ports, so it can be killed with
/// SIGKILL and started again at the same address. Its output is appended to a log file across restarts.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private const string ReadyMarker = "SkAgentSession is ready";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly string _appAssembly;
    private readonly Dictionary<string, string> _environment;
    private readonly ChildProcessLog _log;
    private readonly Lock _gate = new();
    private readonly List<int> _processIds = [];
    private Process? _process;

    /// <param name="appSettings">Extra configuration of the app, as environment variables (e.g. <c>SkAgentSession__Sessions__Durability</c>).</param>
    public ServiceProcess(string name, string appAssembly, RestateAccessPoint restate, string modelCallLog, string logPath, IReadOnlyDictionary<string, string> appSettings)
    {
        Name = name;
        _appAssembly = appAssembly;
        var httpPort = PortAllocator.GetFreeLoopbackPort();
        var endpointPort = PortAllocator.GetFreeLoopbackPort();
        ApiUrl = new Uri($"http://127.0.0.1:{httpPort}/");
        EndpointUrl = new Uri($"http://127.0.0.1:{endpointPort}/");
        _environment = new Dictionary<string, string>
        {
            ["RESTATE_INGRESS_URL"] = restate.IngressUrl.ToString(),
            ["RESTATE_ADMIN_URL"] = restate.AdminUrl.ToString(),
            ["SkAgentSession__HttpPort"] = httpPort.ToString(CultureInfo.InvariantCulture),
            ["SkAgentSession__EndpointPort"] = endpointPort.ToString(CultureInfo.InvariantCulture),
            ["Model__Provider"] = "scripted",
            ["SKAS_SCRIPTED_MODEL_CALL_LOG"] = modelCallLog,
            ["ScriptedModel__TestHooks"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__SkAgentSession"] = "Information",
        };
        foreach (var (key, value) in appSettings)
        {
            _environment[key] = value;
        }

        _log = new ChildProcessLog(logPath);
    }

    public string Name { get; }

    /// <summary>The app's HTTP API (and UI).</summary>
    public Uri ApiUrl { get; }

    /// <summary>The app's Restate endpoint (h2c).</summary>
    public Uri EndpointUrl { get; }

    public int Starts { get; private set; }

    /// <summary>The process ids this instance has had, one per start (to attribute the model call log's lines).</summary>
    public IReadOnlyList<int> ProcessIds
    {
        get
        {
            lock (_gate)
            {
                return [.. _processIds];
            }
        }
    }

    /// <summary>Starts the app and waits until it has registered its endpoint with Restate.</summary>
    public async Task StartAsync()
    {
        if (!File.Exists(_appAssembly))
        {
            throw new InvalidOperationException($"The app is not built: {_appAssembly} is missing.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryLayout.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_appAssembly);
        foreach (var inherited in new[] { "OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MODEL", "ASPNETCORE_URLS" })
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnOutput(e.Data, ready);
        process.ErrorDataReceived += (_, e) => OnOutput(e.Data, ready);
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"{Name} exited during start-up; see its log."));
        lock (_gate)
        {
            _log.WriteLine($"--- start #{Starts + 1}");
            process.Start();
            _process = process;
            _processIds.Add(process.Id);
            Starts++;
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await ready.Task.WaitAsync(StartTimeout);
    }

    /// <summary>SIGKILL: the process ends at once, in the middle of whatever it does, as in a crash.</summary>
    public void Kill()
    {
        Process? process;
        lock (_gate)
        {
            process = _process;
            _process = null;
            if (process is null)
            {
                return;
            }

            _log.WriteLine("--- killed (SIGKILL)");
        }

        try
        {
            process.Kill();
            process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // It had exited already.
        }

        process.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _log.Dispose();
        return ValueTask.CompletedTask;
    }

    private void OnOutput(string? line, TaskCompletionSource ready)
    {
        _log.WriteLine(line);
        if (line?.Contains(ReadyMarker, StringComparison.Ordinal) == true)
        {
            ready.TrySetResult();
        }
    }
}
