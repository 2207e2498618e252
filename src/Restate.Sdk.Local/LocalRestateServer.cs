using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Restate.Sdk.Clients;
using Restate.Sdk.Local.Internal;

namespace Restate.Sdk.Local;

/// <summary>
/// A restate-server process on this machine, from the npm package the repository pins: installed if missing,
/// configured, started, health-checked, stopped. Disposing it always ends the process.
/// </summary>
/// <example>
/// <code>
/// await using var restate = await LocalRestateServer.StartAsync(new LocalRestateServerOptions());
/// await restate.Admin.RegisterDeploymentAsync(new Uri("http://127.0.0.1:9080/"), new() { Force = true });
/// var reply = await restate.Ingress.CallAsync&lt;string&gt;(IngressTarget.ForService("Greeter", "greet"), "Ada");
/// </code>
/// </example>
public sealed class LocalRestateServer : IAsyncDisposable
{
    private const int MaxStartAttempts = 3;

    private readonly LocalRestateServerOptions _options;
    private readonly ILogger _logger;
    private readonly string _binaryPath;
    private readonly string? _ownedBaseDirectory;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly Lock _processGate = new();

    private int? _ingressPort;
    private int? _adminPort;
    private int? _nodePort;
    private ProcessStartInfo? _startInfo;
    private ServerLog? _log;
    private HttpClient? _adminHttp;
    private HttpClient? _ingressHttp;
    private Process? _process;
    private ParentWatchdog? _watchdog;
    private bool _disposed;

    private LocalRestateServer(LocalRestateServerOptions options, ILogger logger, string binaryPath, string? ownedBaseDirectory)
    {
        _options = options;
        _logger = logger;
        _binaryPath = binaryPath;
        _ownedBaseDirectory = ownedBaseDirectory;
        _ingressPort = options.IngressPort;
        _adminPort = options.AdminPort;
        _nodePort = options.NodePort;
    }

    /// <summary>The ingress URL (handlers are called here), e.g. <c>http://127.0.0.1:8080/</c>.</summary>
    public Uri IngressUrl { get; private set; } = null!;

    /// <summary>The admin API and web UI URL, e.g. <c>http://127.0.0.1:9070/</c>.</summary>
    public Uri AdminUrl { get; private set; } = null!;

    /// <summary>The node-to-node port.</summary>
    public int NodePort { get; private set; }

    /// <summary>A client of this server's ingress.</summary>
    public RestateIngressClient Ingress { get; private set; } = null!;

    /// <summary>A client of this server's admin API.</summary>
    public RestateAdminClient Admin { get; private set; } = null!;

    /// <summary>Where the server keeps its data; it survives <see cref="RestartAsync"/>.</summary>
    public string BaseDir { get; private set; } = null!;

    /// <summary>The file that receives the server's stdout and stderr (appended across restarts).</summary>
    public string LogPath => _log?.Path ?? string.Empty;

    /// <summary>The last lines of the server's output.</summary>
    public IReadOnlyList<string> LogTail => _log?.Tail ?? [];

    /// <summary>The process id of the server (of the last one, once it has stopped).</summary>
    public int Pid { get; private set; }

    /// <summary>True while the server process is alive.</summary>
    public bool IsRunning
    {
        get
        {
            var process = _process;
            try
            {
                return process is not null && !process.HasExited;
            }
            catch (InvalidOperationException)
            {
                // Released by a concurrent stop or kill.
                return false;
            }
        }
    }

    /// <summary>
    /// Finds (or installs) restate-server, starts it and waits until the admin API and the ingress are healthy and every
    /// partition is running.
    /// </summary>
    /// <exception cref="LocalRestateServerException">Install, configuration or startup failed; the message includes the log tail.</exception>
    public static async Task<LocalRestateServer> StartAsync(
        LocalRestateServerOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new LocalRestateServerOptions();
        var logger = options.Logger ?? NullLogger.Instance;
        var binaryPath = await ResolveBinaryAsync(options, logger, cancellationToken).ConfigureAwait(false);

        string? ownedBaseDirectory = null;
        if (options.BaseDirectory is null && options.ConfigFile is null)
        {
            ownedBaseDirectory = Directory.CreateTempSubdirectory("restate-").FullName;
        }

        var server = new LocalRestateServer(options, logger, binaryPath, ownedBaseDirectory);
        try
        {
            await server.StartFirstTimeAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the server gracefully (SIGTERM), killing it (SIGKILL) if it is not gone within <see cref="LocalRestateServerOptions.StopTimeout"/>.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await StopCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Kills the server at once (SIGKILL), as a crash would. <see cref="RestartAsync"/> starts it again.</summary>
    public void Kill()
    {
        Process? process;
        lock (_processGate)
        {
            process = _process;
        }

        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                _log?.Note($"killing pid {process.Id} (SIGKILL)");
                process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // It exited in the meantime.
        }

        ReleaseProcess(process);
    }

    /// <summary>Stops the server if it runs and starts it again with the same ports, base directory and settings.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await StopCoreAsync(cancellationToken).ConfigureAwait(false);
            _log!.Note("restarting");
            await LaunchAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Ends the server (gracefully, or by kill with <see cref="LocalRestateServerOptions.KillOnDispose"/>) and deletes a temporary base directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        LiveServers.Remove(this);
        try
        {
            if (_options.KillOnDispose)
            {
                Kill();
            }
            else
            {
                await StopAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            Kill();
            _log?.Dispose();
            _adminHttp?.Dispose();
            _ingressHttp?.Dispose();
            DeleteOwnedBaseDirectory();
            _lifecycle.Dispose();
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"restate-server pid {Pid} (ingress {IngressUrl}, admin {AdminUrl}, base dir {BaseDir})";

    private static async Task<string> ResolveBinaryAsync(LocalRestateServerOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        if (options.ServerBinaryPath is not null)
        {
            var explicitPath = Path.GetFullPath(options.ServerBinaryPath);
            return File.Exists(explicitPath)
                ? explicitPath
                : throw new LocalRestateServerException($"The restate-server binary '{explicitPath}' does not exist.");
        }

        var toolsDirectory = RestateToolsLocator.FindToolsDirectory(options.ToolsDirectory);
        var binaryPath = RestateToolsLocator.ServerBinaryPath(toolsDirectory);
        if (File.Exists(binaryPath))
        {
            return binaryPath;
        }

        if (!options.InstallIfMissing)
        {
            throw new LocalRestateServerException(
                $"restate-server is not installed at '{binaryPath}'. Run 'npm install' in '{toolsDirectory}'.");
        }

        // node_modules is ignored by git and goes away with the tools folder, so the lock file leaves no litter.
        var lockPath = Path.Combine(toolsDirectory, "node_modules", ".restate-sdk-install.lock");
        using (await CrossProcessLock.AcquireAsync(lockPath, options.InstallTimeout, cancellationToken).ConfigureAwait(false))
        {
            // Another process may have installed it while this one waited for the lock.
            if (!File.Exists(binaryPath))
            {
                await NpmInstaller.InstallAsync(toolsDirectory, options.NpmCommand, options.InstallTimeout, logger, cancellationToken)
                    .ConfigureAwait(false);
            }
        }

        return File.Exists(binaryPath)
            ? binaryPath
            : throw new LocalRestateServerException(
                $"'npm install' in '{toolsDirectory}' succeeded but '{binaryPath}' is still missing; "
                + "is the package for this platform listed in package-lock.json?");
    }

    private async Task StartFirstTimeAsync(CancellationToken cancellationToken)
    {
        LiveServers.Add(this);
        var autoPorts = _options.ConfigFile is null;
        for (var attempt = 1; ; attempt++)
        {
            if (autoPorts)
            {
                _ingressPort = _options.IngressPort ?? PortAllocator.GetFreeLoopbackPort();
                _adminPort = _options.AdminPort ?? PortAllocator.GetFreeLoopbackPort();
                _nodePort = _options.NodePort ?? PortAllocator.GetFreeLoopbackPort();
            }

            _startInfo = BuildStartInfo();
            var config = await EffectiveServerConfig.ReadAsync(_startInfo, cancellationToken).ConfigureAwait(false);
            Configure(config);
            try
            {
                await LaunchAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (LocalRestateServerException e) when (autoPorts && attempt < MaxStartAttempts && LostAnAllocatedPort(e.LogTail))
            {
                _logger.LogWarning("restate-server could not bind its ports (taken meanwhile); retrying with other free ports");
                _log?.Note("a port was taken; retrying with other free ports");
            }
        }
    }

    /// <summary>
    /// True when the server could not bind a port this class picked (another process took it after it was found free);
    /// a port the caller chose is not retried.
    /// </summary>
    private bool LostAnAllocatedPort(IReadOnlyList<string> logTail)
    {
        var bindFailures = logTail
            .Where(line => line.Contains("address in use", StringComparison.OrdinalIgnoreCase)
                || line.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            .ToList();
        int?[] explicitPorts = [_options.IngressPort, _options.AdminPort, _options.NodePort];
        return bindFailures.Count > 0
            && !bindFailures.Any(line => explicitPorts.Any(port =>
                port is not null && line.Contains(string.Create(CultureInfo.InvariantCulture, $":{port}"), StringComparison.Ordinal)));
    }

    /// <summary>Takes over the URLs and paths the server will use, and makes the clients for them.</summary>
    private void Configure(EffectiveServerConfig config)
    {
        BaseDir = config.BaseDirectory;
        IngressUrl = config.IngressUrl;
        AdminUrl = config.AdminUrl;
        NodePort = config.NodePort;
        Directory.CreateDirectory(BaseDir);

        var logPath = Path.GetFullPath(_options.LogFile ?? Path.Combine(BaseDir, "restate-server.log"));
        if (_log?.Path != logPath)
        {
            _log?.Dispose();
            _log = new ServerLog(logPath, _options.LogTailLines, _logger);
        }

        _adminHttp?.Dispose();
        _ingressHttp?.Dispose();
        _adminHttp = new HttpClient { BaseAddress = AdminUrl };
        _ingressHttp = new HttpClient { BaseAddress = IngressUrl };
        Admin = new RestateAdminClient(_adminHttp);
        Ingress = new RestateIngressClient(_ingressHttp);
    }

    private ProcessStartInfo BuildStartInfo()
    {
        var configFile = _options.ConfigFile is null ? null : Path.GetFullPath(_options.ConfigFile);
        if (configFile is not null && !File.Exists(configFile))
        {
            throw new LocalRestateServerException($"The restate-server config file '{configFile}' does not exist.");
        }

        var baseDirectory = _ownedBaseDirectory ?? (_options.BaseDirectory is null ? null : Path.GetFullPath(_options.BaseDirectory));
        var workingDirectory = _options.WorkingDirectory is not null
            ? Path.GetFullPath(_options.WorkingDirectory)
            : configFile is not null ? Path.GetDirectoryName(configFile)! : baseDirectory!;
        Directory.CreateDirectory(workingDirectory);

        var startInfo = new ProcessStartInfo(_binaryPath)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add("--no-logo");
        if (configFile is not null)
        {
            startInfo.ArgumentList.Add("--config-file");
            startInfo.ArgumentList.Add(configFile);
        }

        // A developer's shell may carry RESTATE_* settings (or client variables); they must not change this server.
        foreach (var name in startInfo.Environment.Keys.Where(k => k.StartsWith("RESTATE_", StringComparison.Ordinal)).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        var environment = startInfo.Environment;
        environment["RESTATE_LOG_FORMAT"] = "compact";
        environment["RESTATE_LOG_DISABLE_ANSI_CODES"] = "true";

        // TCP only: the default also opens unix sockets under the base directory, whose paths can exceed the OS limit.
        environment["RESTATE_LISTEN_MODE"] = "tcp";
        if (baseDirectory is not null)
        {
            environment["RESTATE_BASE_DIR"] = baseDirectory;
        }

        if (_ingressPort is { } ingressPort)
        {
            environment["RESTATE_INGRESS__BIND_ADDRESS"] = Loopback(ingressPort);
        }

        if (_adminPort is { } adminPort)
        {
            environment["RESTATE_ADMIN__BIND_ADDRESS"] = Loopback(adminPort);
        }

        if (_nodePort is { } nodePort)
        {
            environment["RESTATE_BIND_ADDRESS"] = Loopback(nodePort);
            environment["RESTATE_ADVERTISED_ADDRESS"] = $"http://{Loopback(nodePort)}/";
        }

        foreach (var (name, value) in _options.EnvironmentVariables ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return startInfo;

        static string Loopback(int port) => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}");
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var log = _log!;
        var process = new Process { StartInfo = _startInfo!, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => log.WriteServerLine(e.Data);
        process.ErrorDataReceived += (_, e) => log.WriteServerLine(e.Data);
        log.Note($"starting {_binaryPath} {string.Join(' ', _startInfo!.ArgumentList)} (ingress {IngressUrl}, admin {AdminUrl}, base dir {BaseDir})");
        if (!process.Start())
        {
            process.Dispose();
            throw new LocalRestateServerException($"Could not start '{_binaryPath}'.");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lock (_processGate)
        {
            _process = process;
            _watchdog = ParentWatchdog.Start(process.Id);
        }

        Pid = process.Id;
        try
        {
            await WaitUntilHealthyAsync(process, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Kill();
            throw;
        }

        _logger.LogInformation(
            "restate-server started (pid {Pid}): ingress {IngressUrl}, admin {AdminUrl}, base dir {BaseDir}, log {LogPath}",
            Pid,
            IngressUrl,
            AdminUrl,
            BaseDir,
            LogPath);
    }

    private async Task WaitUntilHealthyAsync(Process process, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                // The parameterless wait drains the redirected output, so the tail holds the reason.
                process.WaitForExit();
                throw new LocalRestateServerException(
                    $"restate-server (pid {process.Id}) exited with code {process.ExitCode} before it became healthy (log: {LogPath}).",
                    LogTail);
            }

            if (await ProbeAsync(Admin.IsHealthyAsync, cancellationToken).ConfigureAwait(false)
                && await ProbeAsync(Ingress.IsHealthyAsync, cancellationToken).ConfigureAwait(false)
                && await ProbeAsync(PartitionsAreReadyAsync, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            if (clock.Elapsed > _options.StartupTimeout)
            {
                throw new LocalRestateServerException(
                    $"restate-server (pid {process.Id}) did not answer {AdminUrl}health and {IngressUrl}restate/health within {_options.StartupTimeout}; it was killed (log: {LogPath}).",
                    LogTail);
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Both health endpoints answer before the partition processors run; until they do, invocation management answers 503
    /// and queries fail. A count over the invocation table touches every partition, so it succeeds only once all are up.
    /// </summary>
    private async Task<bool> PartitionsAreReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Admin.QueryAsync("SELECT count(*) AS invocations FROM sys_invocation_status", cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is RestateAdminException or HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>One health request, given at most two seconds so a server that accepts but never answers cannot stall startup.</summary>
    private static async Task<bool> ProbeAsync(Func<CancellationToken, Task<bool>> probe, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            return await probe(attempt.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        Process? process;
        lock (_processGate)
        {
            process = _process;
        }

        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            _log?.Note($"stopping pid {process.Id} (SIGTERM)");
            PosixSignals.Send(process.Id, PosixSignals.SigTerm);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.StopTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning("restate-server (pid {Pid}) did not stop within {Timeout}; killing it", process.Id, _options.StopTimeout);
                Kill();
                return;
            }
        }

        ReleaseProcess(process);
    }

    /// <summary>Waits for the exited process's output to drain, then drops it and its watchdog.</summary>
    private void ReleaseProcess(Process process)
    {
        try
        {
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Never started or already released.
        }

        ParentWatchdog? watchdog = null;
        lock (_processGate)
        {
            if (ReferenceEquals(_process, process))
            {
                _process = null;
                watchdog = _watchdog;
                _watchdog = null;
            }
            else
            {
                return;
            }
        }

        var exitCode = process.HasExited ? process.ExitCode.ToString(CultureInfo.InvariantCulture) : "unknown";
        _log?.Note($"pid {process.Id} exited with code {exitCode}");
        watchdog?.Dispose();
        process.Dispose();
    }

    private void DeleteOwnedBaseDirectory()
    {
        if (_ownedBaseDirectory is null || _options.KeepBaseDirectory || !Directory.Exists(_ownedBaseDirectory))
        {
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(_ownedBaseDirectory, recursive: true);
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (attempt == 5)
                {
                    _logger.LogWarning(e, "Could not delete the temporary base directory {BaseDir}", _ownedBaseDirectory);
                    return;
                }

                Thread.Sleep(100 * attempt);
            }
        }
    }
}
