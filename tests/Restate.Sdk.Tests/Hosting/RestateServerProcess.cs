using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Restate.Sdk.Tests.Hosting;

/// <summary>
/// The real restate-server from the repo's npm install, on free loopback ports with a fresh base
/// directory; killed and wiped on dispose.
/// </summary>
internal sealed class RestateServerProcess : IAsyncDisposable
{
    private const string BinaryPath = "node_modules/@restatedev/restate-server-linux-x64/bin/restate-server";

    private readonly Process _process;
    private readonly string _baseDir;
    private readonly StringBuilder _log = new();

    private RestateServerProcess(Process process, string baseDir, Uri adminUrl, Uri ingressUrl)
    {
        _process = process;
        _baseDir = baseDir;
        AdminUrl = adminUrl;
        IngressUrl = ingressUrl;
    }

    public Uri AdminUrl { get; }

    public Uri IngressUrl { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<RestateServerProcess> StartAsync()
    {
        var binary = FindBinary();
        var baseDir = Directory.CreateTempSubdirectory("restate-endpoint-test-").FullName;
        var (nodePort, ingressPort, adminPort) = (FreePort(), FreePort(), FreePort());
        var start = new ProcessStartInfo(binary, ["--no-logo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["RESTATE_BASE_DIR"] = baseDir;
        start.Environment["RESTATE_BIND_ADDRESS"] = $"127.0.0.1:{nodePort}";
        start.Environment["RESTATE_INGRESS__BIND_ADDRESS"] = $"127.0.0.1:{ingressPort}";
        start.Environment["RESTATE_ADMIN__BIND_ADDRESS"] = $"127.0.0.1:{adminPort}";

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {binary}.");
        var server = new RestateServerProcess(
            process, baseDir, new Uri($"http://127.0.0.1:{adminPort}"), new Uri($"http://127.0.0.1:{ingressPort}"));
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await server.WaitUntilHealthyAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_baseDir, recursive: true);
    }

    private static string FindBinary()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, BinaryPath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"restate-server not found: no {BinaryPath} above {AppContext.BaseDirectory}. Run 'npm install' at the repository root.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"restate-server exited with {_process.ExitCode}:\n{Log}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(AdminUrl, "/health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy to answer within the attempt's timeout.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"restate-server did not become healthy within 60 s:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
