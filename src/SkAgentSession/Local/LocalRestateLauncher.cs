using Restate.Sdk.Local;
using SkAgentSession.Hosting;

namespace SkAgentSession.Local;

/// <summary>
/// Starts the repository's restate-server (installed from the pinned npm package if missing,
/// configured by <c>restate.toml</c>) before the app serves, and stops it when the app stops.
/// </summary>
internal sealed class LocalRestateLauncher(ILogger<LocalRestateLauncher> logger, ILoggerFactory loggerFactory) : IHostedService
{
    private LocalRestateServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var root = RepositoryPaths.FindRoot()
            ?? throw new InvalidOperationException(
                "The repository root (with SkAgentSession.sln and restate.toml) was not found. Run the app from the repository, " +
                "or set RESTATE_INGRESS_URL and RESTATE_ADMIN_URL to use an existing Restate.");

        if (!File.Exists(Path.Combine(root, LocalRestate.ServerBinary)))
        {
            logger.LogInformation("restate-server is not installed yet: installing it from package.json with npm (first run only, about 30 s)");
        }

        logger.LogInformation("Starting the local restate-server (config {Config})", Path.Combine(root, LocalRestate.ConfigFileName));
        _server = await LocalRestateServer.StartAsync(
            new LocalRestateServerOptions
            {
                ToolsDirectory = root,
                WorkingDirectory = root,
                ConfigFile = Path.Combine(root, LocalRestate.ConfigFileName),
                BaseDirectory = Path.Combine(root, ".restate", "data"),
                KeepBaseDirectory = true,
                IngressPort = new Uri(LocalRestate.IngressUrl).Port,
                AdminPort = new Uri(LocalRestate.AdminUrl).Port,
                LogFile = Path.Combine(root, ".restate", "restate-server.log"),
                // The server's own output goes to its log file; this category shows its errors only by default.
                Logger = loggerFactory.CreateLogger(LocalRestate.ServerLogCategory),
            },
            cancellationToken);
        logger.LogInformation("restate-server is up: ingress {Ingress}, admin {Admin} (log: {Log})", _server.IngressUrl, _server.AdminUrl, _server.LogPath);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            logger.LogInformation("Stopping the local restate-server");
            await _server.DisposeAsync();
            _server = null;
        }
    }
}
