using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Restate.Sdk.Tests.Hosting;

/// <summary>A real Kestrel on a free loopback port serving the Restate endpoint, for HTTP-level tests.</summary>
internal sealed class RestateTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RestateTestHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<RestateTestHost> StartAsync(
        Action<RestateBuilder> register,
        ProtocolMode mode = ProtocolMode.BidiStream,
        Action<WebApplication>? map = null,
        Action<IEndpointRouteBuilder>? mapExtra = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenRestate(IPAddress.Loopback, 0, mode));
        register(builder.Services.AddRestate(o => o.ProtocolMode = mode));

        var app = builder.Build();
        if (map is null)
        {
            app.MapRestate();
        }
        else
        {
            map(app);
        }

        mapExtra?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new RestateTestHost(app, new Uri(address));
    }

    /// <summary>A client that speaks HTTP/2 with prior knowledge (h2c), as restate-server does.</summary>
    public HttpClient CreateH2cClient() => new()
    {
        BaseAddress = BaseAddress,
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    public HttpClient CreateHttp11Client() => new()
    {
        BaseAddress = BaseAddress,
        DefaultRequestVersion = HttpVersion.Version11,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
