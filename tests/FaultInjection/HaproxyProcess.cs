using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Restate.Sdk.Local;

namespace SkAgentSession.FaultInjection;

/// <summary>
/// HAProxy (Debian's <c>haproxy</c>) in the balancer's place, for comparison: the same two listeners, h2c to the
/// replicas' endpoints, fewest connections first (HAProxy counts an HTTP/2 stream to a server as one), a probe every
/// second and out after two failures.
/// </summary>
internal sealed class HaproxyProcess(string workDirectory) : ILoadBalancer
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private Process? _process;
    private ChildProcessLog? _log;

    public Uri EndpointUrl { get; } = new($"http://127.0.0.1:{PortAllocator.GetFreeLoopbackPort()}/");

    public Uri ApiUrl { get; } = new($"http://127.0.0.1:{PortAllocator.GetFreeLoopbackPort()}/");

    public int? ProcessId => _process?.Id;

    public string Description => "HAProxy";

    public async Task StartAsync(IEnumerable<Uri> endpointDestinations, IEnumerable<Uri> apiDestinations)
    {
        var config = Path.Combine(workDirectory, "haproxy.cfg");
        await File.WriteAllTextAsync(config, Config([.. endpointDestinations], [.. apiDestinations]));
        var start = new ProcessStartInfo("haproxy")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-db", "-f", config })
        {
            start.ArgumentList.Add(argument);
        }

        var log = _log = new ChildProcessLog(Path.Combine(workDirectory, "haproxy.log"));
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => log.WriteLine(e.Data);
        process.ErrorDataReceived += (_, e) => log.WriteLine(e.Data);
        process.Start();
        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await ListensAsync(EndpointUrl) || !await ListensAsync(ApiUrl))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("HAProxy did not start; see haproxy.log in the work directory.");
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
        _log?.Dispose();

        return ValueTask.CompletedTask;
    }

    private string Config(IReadOnlyList<Uri> endpoints, IReadOnlyList<Uri> apis) => string.Join('\n',
    [
        "defaults",
        "  mode http",
        "  timeout connect 2s",
        "  timeout client 15m",
        "  timeout server 15m",
        "frontend restate_endpoint",
        $"  bind 127.0.0.1:{EndpointUrl.Port} proto h2",
        "  default_backend endpoints",
        "frontend api",
        $"  bind 127.0.0.1:{ApiUrl.Port}",
        "  default_backend apis",
        "backend endpoints",
        "  balance leastconn",

        // A connect check: HAProxy 2.6's HTTP/2 health checks failed against the replicas' h2c port ("Socket error")
        // while requests passed, and a dead replica refuses connections anyway.
        .. endpoints.Select((uri, i) => Server(i, uri, "proto h2")),
        "backend apis",
        "  balance leastconn",
        "  option httpchk GET /api/info",
        .. apis.Select((uri, i) => Server(i, uri, string.Empty)),
        string.Empty,
    ]);

    private static string Server(int index, Uri uri, string protocol) =>
        string.Create(CultureInfo.InvariantCulture, $"  server replica-{index + 1} {uri.Host}:{uri.Port} {protocol} check inter 1s fall 2 rise 1");

    private static async Task<bool> ListensAsync(Uri url)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(url.Host, url.Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
