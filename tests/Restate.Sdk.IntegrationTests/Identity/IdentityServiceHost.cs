using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Restate.Sdk.IntegrationTests.Identity;

/// <summary>
/// An in-process SDK endpoint (h2c on a free loopback port) that accepts only requests signed with
/// the given keys. Its service <c>Greeter</c> has <c>greet(name)</c> and counts how often it ran.
/// </summary>
internal sealed class IdentityServiceHost : IAsyncDisposable
{
    public const string ServiceName = "IdentityGreeter";

    private readonly WebApplication _app;
    private int _runs;

    private IdentityServiceHost(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public int HandlerRuns => Volatile.Read(ref _runs);

    public static async Task<IdentityServiceHost> StartAsync(params string[] identityKeys)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenRestate(IPAddress.Loopback, 0));
        IdentityServiceHost? host = null;
        builder.Services
            .AddRestate(o =>
            {
                foreach (var key in identityKeys)
                {
                    o.IdentityKeys.Add(key);
                }
            })
            .AddService(ServiceName, service => service.Handler("greet", (IContext ctx, string name) =>
            {
                Interlocked.Increment(ref host!._runs);
                return Task.FromResult($"Hello {name}");
            }));

        var app = builder.Build();
        host = new IdentityServiceHost(app);
        app.MapRestate();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        host.Url = new Uri(address.EndsWith('/') ? address : address + "/");
        return host;
    }

    /// <summary>A client that speaks to the endpoint the way restate-server does: HTTP/2 with prior knowledge.</summary>
    public HttpClient CreateH2cClient() => new()
    {
        BaseAddress = Url,
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
