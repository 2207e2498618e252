using System.Diagnostics;
using System.Globalization;
using System.Text;
using Restate.Sdk.Local;

namespace SkAgentSession.IntegrationTests.Fixtures;

/// <summary>The cluster's load balancer (<c>cluster/LoadBalancer</c>) as a child process on free loopback ports.</summary>
internal sealed class BalancerProcess : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private Process? _process;

    /// <summary>What Restate calls (h2c): the deployment's URL.</summary>
    public Uri EndpointUrl { get; } = new($"http://127.0.0.1:{PortAllocator.GetFreeLoopbackPort()}/");

    /// <summary>The replicas' UI and API.</summary>
    public Uri ApiUrl { get; } = new($"http://127.0.0.1:{PortAllocator.GetFreeLoopbackPort()}/");

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

    public async Task StartAsync(IEnumerable<Uri> endpointDestinations, IEnumerable<Uri> apiDestinations)
    {
        if (!File.Exists(RepositoryLayout.BalancerAssembly))
        {
            throw new InvalidOperationException($"The load balancer is not built: {RepositoryLayout.BalancerAssembly} is missing.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepositoryLayout.BalancerAssembly);
        start.Environment["LoadBalancer__EndpointPort"] = EndpointUrl.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["LoadBalancer__ApiPort"] = ApiUrl.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["LoadBalancer__EndpointDestinations"] = string.Join(',', endpointDestinations);
        start.Environment["LoadBalancer__ApiDestinations"] = string.Join(',', apiDestinations);
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!Output.Contains("Load balancer is ready", StringComparison.Ordinal))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The load balancer did not start:\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit();
        }

        _process?.Dispose();
        return ValueTask.CompletedTask;
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
