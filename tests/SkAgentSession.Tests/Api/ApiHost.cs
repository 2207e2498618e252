using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Restate.Sdk.Local;
using SkAgentSession.Events;
using SkAgentSession.Hosting;
using SkAgentSession.Sessions;
using SkAgentSession.Tests.Events;
using SkAgentSession.Tests.Support;

namespace SkAgentSession.Tests.Api;

/// <summary>
/// The real application (its composition, middleware and HTTP API) on free loopback ports, with
/// the Restate gateway replaced by a <see cref="RecordingSessionClient"/> and the event log by a
/// <see cref="MemorySessionEventLog"/>. Nothing else runs: the
/// Restate URLs point at a closed port and the deployment is not registered.
/// </summary>
public class ApiHost : IAsyncLifetime
{
    private WebApplication? _app;

    internal RecordingSessionClient Sessions { get; } = new();

    internal MemorySessionEventLog Events { get; } = new();

    /// <summary>The app's services (e.g. its event signal and sink factory).</summary>
    public IServiceProvider Services => _app!.Services;

    internal CapturingLoggerProvider Logs { get; } = new();

    /// <summary>Command-line settings beyond the defaults, for a host that needs them.</summary>
    protected virtual IEnumerable<string> ExtraArgs => [];

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var httpPort = PortAllocator.GetFreeLoopbackPort();
        var closedPort = PortAllocator.GetFreeLoopbackPort();
        string[] args =
        [
            $"--SkAgentSession:HttpPort={httpPort}",
            $"--SkAgentSession:EndpointPort={PortAllocator.GetFreeLoopbackPort()}",
            "--SkAgentSession:RegisterDeployment=false",
            $"--SkAgentSession:UiPath={Path.Combine(Path.GetTempPath(), "no-ui-here")}",
            $"--RESTATE_INGRESS_URL=http://127.0.0.1:{closedPort}/",
            $"--RESTATE_ADMIN_URL=http://127.0.0.1:{closedPort}/",
            "--Model:Provider=scripted",

            // Long enough that a test can tell the in-process wake-up from the poll.
            "--SkAgentSession:Events:PollInterval=00:00:02",
            "--SkAgentSession:Events:KeepAliveInterval=00:00:00.500",
            .. ExtraArgs,
        ];
        _app = SkAgentSessionApp.Build(args, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(Logs);
            builder.Host.UseServiceProviderFactory(new ReplacingServiceProviderFactory(services =>
            {
                services.RemoveAll<IAgentSessionClient>().AddSingleton<IAgentSessionClient>(Sessions);
                services.RemoveAll<ISessionEventLogClient>().AddSingleton<ISessionEventLogClient>(Events);
            }));
        });
        await _app.StartAsync();
        // UTF-8 header values, so keys with non-ASCII characters reach the server as a browser would send them.
        var handler = new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => System.Text.Encoding.UTF8 };
        Client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/") };
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Events.Dispose();
    }

    /// <summary>Lets a test swap services after the app registered its own (the app's composition stays untouched).</summary>
    private sealed class ReplacingServiceProviderFactory(Action<IServiceCollection> replace) : IServiceProviderFactory<IServiceCollection>
    {
        public IServiceCollection CreateBuilder(IServiceCollection services)
        {
            replace(services);
            return services;
        }

        public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) =>
            containerBuilder.BuildServiceProvider();
    }
}
