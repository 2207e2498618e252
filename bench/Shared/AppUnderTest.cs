using System.Diagnostics;
using System.Net.Sockets;

namespace SkAgentSession.Bench;

/// <summary>
/// The SkAgentSession app (Release build) as a child process with the scripted model, on free loopback ports.
/// Shared source of the SkAgentSession benchmarks (compiled into each of them).
/// </summary>
internal sealed class AppUnderTest : IAsyncDisposable
{
    private readonly Process _process;

    private AppUnderTest(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public int Pid => _process.Id;

    /// <param name="settings">App settings (environment variables) beyond the defaults, e.g. <c>ScriptedModel__TokenDelayMs</c>.</param>
    public static async Task<AppUnderTest> StartAsync(string appAssembly, Uri ingress, Uri admin, IReadOnlyDictionary<string, string>? settings = null)
    {
        var httpPort = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(appAssembly);
        start.Environment.Remove("OPENAI_API_KEY");
        start.Environment["RESTATE_INGRESS_URL"] = ingress.ToString();
        start.Environment["RESTATE_ADMIN_URL"] = admin.ToString();
        start.Environment["SkAgentSession__HttpPort"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["SkAgentSession__EndpointPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Model__Provider"] = "scripted";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("app: " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppUnderTest(process, new Uri($"http://127.0.0.1:{httpPort}/"));
        await app.WaitUntilRegisteredAsync();
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilRegisteredAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync("api/sessions/bench-warmup");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The app did not answer with a session within 90 s.");
    }
}
