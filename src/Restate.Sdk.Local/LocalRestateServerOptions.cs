using Microsoft.Extensions.Logging;

namespace Restate.Sdk.Local;

/// <summary>How <see cref="LocalRestateServer"/> finds, configures and runs restate-server.</summary>
/// <remarks>
/// Without a <see cref="ConfigFile"/>, everything unset gets a test-friendly value: free ports on 127.0.0.1 and a fresh
/// temporary base directory. With a config file, unset ports and base directory come from the file.
/// </remarks>
public sealed record LocalRestateServerOptions
{
    /// <summary>
    /// The folder whose <c>package.json</c> pins <c>@restatedev/restate-server</c>. By default it is found by walking up
    /// from the current directory and from the application's base directory.
    /// </summary>
    public string? ToolsDirectory { get; init; }

    /// <summary>The restate-server binary to run; by default the one npm installs under <see cref="ToolsDirectory"/>.</summary>
    public string? ServerBinaryPath { get; init; }

    /// <summary>Run <c>npm install</c> in the tools directory when the binary is missing.</summary>
    public bool InstallIfMissing { get; init; } = true;

    /// <summary>The npm executable (a name on PATH or a path).</summary>
    public string NpmCommand { get; init; } = "npm";

    /// <summary>How long <c>npm install</c> may take.</summary>
    public TimeSpan InstallTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>A <c>restate.toml</c> passed as <c>--config-file</c>. Explicit options below override its values.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>
    /// The server's working directory, against which relative paths in the config file resolve. Defaults to the config
    /// file's folder, or else the base directory.
    /// </summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Where the server keeps its data. Unset: the config file's <c>base-dir</c>, or else a fresh temporary folder.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Keep a temporary base directory on dispose (it is deleted by default). Explicit base directories are never deleted.</summary>
    public bool KeepBaseDirectory { get; init; }

    /// <summary>Ingress port on 127.0.0.1. Unset: the config file's, or else a free port.</summary>
    public int? IngressPort { get; init; }

    /// <summary>Admin API and web UI port on 127.0.0.1. Unset: the config file's, or else a free port.</summary>
    public int? AdminPort { get; init; }

    /// <summary>Node-to-node (message fabric) port on 127.0.0.1. Unset: the config file's, or else a free port.</summary>
    public int? NodePort { get; init; }

    /// <summary>
    /// Extra environment variables for the server, applied last (e.g. <c>RESTATE_WORKER__INVOKER__...</c> settings or
    /// request-signing keys). <c>RESTATE_*</c> variables of the current process are not passed on.
    /// </summary>
    public IReadOnlyDictionary<string, string>? EnvironmentVariables { get; init; }

    /// <summary>The server's log file; by default <c>restate-server.log</c> in the base directory.</summary>
    public string? LogFile { get; init; }

    /// <summary>How many of the last log lines are kept in memory for <see cref="LocalRestateServer.LogTail"/> and errors.</summary>
    public int LogTailLines { get; init; } = 200;

    /// <summary>How long the server may take to answer both health checks and bring up its partitions.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a graceful stop (SIGTERM) may take before the server is killed (SIGKILL).</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Kill the server on dispose instead of stopping it gracefully (quicker; fine for throw-away data).</summary>
    public bool KillOnDispose { get; init; }

    /// <summary>Receives npm output, server warnings and errors (other server lines at Debug level).</summary>
    public ILogger? Logger { get; init; }
}
