using System.Diagnostics;
using System.Globalization;
using Restate.Sdk.Local;

namespace SkAgentSession.FaultInjection;

/// <summary>
/// The cluster's load balancer (<c>cluster/LoadBalancer</c>) as a child process on free loopback ports: one port for
/// Restate's invocations (h2c), one for the UI and API, each balancing every request over the replicas.
/// </summary>
internal sealed class BalancerProcess : ILoadBalancer
{
    private const string ReadyMarker = "Load balancer is ready";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _assembly;
    private readonly ChildProcessLog _log;
    private Process? _process;

    public BalancerProcess(string assembly, string logPath)
    {
        _assembly = assembly;
        EndpointUrl = new Uri($"http://127.0.0.1:{PortAllocator.GetFreeLoopbackPort()}/");
        ApiUrl = new Uri($"http://127.0.0.1:{PortAllocator.GetFreeLoopbackPort()}/");
        _log = new ChildProcessLog(logPath);
    }

    /// <summary>What Restate calls: the deployment's URL.</summary>
    public Uri EndpointUrl { get; }

    /// <summary>The UI and API of whichever replica the balancer picks.</summary>
    public Uri ApiUrl { get; }

    public int? ProcessId => _process?.Id;

    public string Description => "cluster/LoadBalancer (YARP)";

    public async Task StartAsync(IEnumerable<Uri> endpointDestinations, IEnumerable<Uri> apiDestinations)
    {
        if (!File.Exists(_assembly))
        {
            throw new InvalidOperationException($"The load balancer is not built: {_assembly} is missing.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_assembly);
        start.Environment["LoadBalancer__EndpointPort"] = EndpointUrl.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["LoadBalancer__ApiPort"] = ApiUrl.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["LoadBalancer__EndpointDestinations"] = string.Join(',', endpointDestinations);
        start.Environment["LoadBalancer__ApiDestinations"] = string.Join(',', apiDestinations);
        start.Environment.Remove("ASPNETCORE_URLS");

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnOutput(e.Data, ready);
        process.ErrorDataReceived += (_, e) => OnOutput(e.Data, ready);
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("The load balancer exited during start-up; see its log."));
        process.Start();
        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await ready.Task.WaitAsync(StartTimeout);
    }

    public ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
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
