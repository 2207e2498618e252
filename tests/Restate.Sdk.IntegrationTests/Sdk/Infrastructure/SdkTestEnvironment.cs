using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Restate.Sdk.Clients;
using Restate.Sdk.IntegrationTests.Fixtures;
using Restate.Sdk.Local;

namespace Restate.Sdk.IntegrationTests.Sdk.Infrastructure;

/// <summary>
/// A class fixture for the SDK's end-to-end tests: a fresh restate-server (<see cref="RestateServerFixture"/>) and an
/// in-process ASP.NET Core endpoint on a free loopback port that serves the services of <see cref="AddServices"/>
/// with our SDK, registered with <c>force</c>. Derive one environment per test class.
/// </summary>
public abstract class SdkTestEnvironment : IAsyncLifetime, IDisposable
{
    private readonly RestateServerFixture _restate = new();
    private WebApplication? _app;
    private HttpClient? _ingressHttp;

    /// <summary>Handler-side observations outside the journal; handlers get it from DI or capture it.</summary>
    public InvocationProbe Probe { get; } = new();

    /// <summary>The endpoint's log (Information and above), for assertion messages.</summary>
    public CapturedLog EndpointLog { get; } = new();

    /// <summary>An ingress client whose calls give up after 30 s, so a lost invocation fails the test instead of hanging it.</summary>
    public RestateIngressClient Ingress { get; private set; } = null!;

    public RestateAdminClient Admin => _restate.Admin;

    /// <summary>The restate-server process, for tests that kill and restart it.</summary>
    public LocalRestateServer Server => _restate.Server;

    public Uri EndpointUrl { get; private set; } = null!;

    /// <summary>The ingress, for tests that send their own HTTP requests to it.</summary>
    public Uri IngressUrl => _restate.IngressUrl;

    /// <summary>Bidi streaming over HTTP/2 by default; request/response environments register with <c>use_http_11</c>.</summary>
    protected virtual ProtocolMode ProtocolMode => ProtocolMode.BidiStream;

    public async Task InitializeAsync()
    {
        await Task.WhenAll(_restate.InitializeAsync(), StartEndpointAsync());
        _ingressHttp = new HttpClient { BaseAddress = _restate.IngressUrl, Timeout = TimeSpan.FromSeconds(30) };
        Ingress = new RestateIngressClient(_ingressHttp);
        await _restate.RegisterDeploymentAsync(EndpointUrl, useHttp11: ProtocolMode == ProtocolMode.RequestResponse);
    }

    public async Task DisposeAsync()
    {
        // The server goes first, so no new attempts reach the endpoint while it stops.
        await _restate.DisposeAsync();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _ingressHttp?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The <c>status</c> of an invocation in <c>sys_invocation</c> (pending, running, suspended, backing-off, completed, ...).</summary>
    public async Task<string?> InvocationStatusAsync(string invocationId)
    {
        var row = await InvocationRowAsync(invocationId);
        return row is { } found && found.TryGetProperty("status", out var status) ? status.GetString() : null;
    }

    /// <summary>The <c>sys_invocation</c> row of an invocation, or <c>null</c> while the server does not list it.</summary>
    public async Task<JsonElement?> InvocationRowAsync(string invocationId)
    {
        var rows = await Admin.QueryAsync($"SELECT * FROM sys_invocation WHERE id = '{SqlText(invocationId)}'");
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>The state of one object or workflow as <c>key → value_utf8</c>, read through the admin SQL API.</summary>
    public async Task<IReadOnlyDictionary<string, string>> StateAsync(string service, string key)
    {
        var rows = await Admin.QueryAsync(
            $"SELECT key, value_utf8 FROM state WHERE service_name = '{SqlText(service)}' AND service_key = '{SqlText(key)}'");
        return rows.ToDictionary(row => row.GetProperty("key").GetString()!, row => row.GetProperty("value_utf8").GetString()!);
    }

    /// <summary>Registers this environment's services on the endpoint.</summary>
    protected abstract void AddServices(RestateBuilder restate);

    private static string SqlText(string value) => value.Replace("'", "''", StringComparison.Ordinal);

    private async Task StartEndpointAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(EndpointLog);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenRestate(IPAddress.Loopback, 0, ProtocolMode));
        builder.Services.AddSingleton(Probe);
        AddServices(builder.Services.AddRestate(options => options.ProtocolMode = ProtocolMode));

        _app = builder.Build();
        _app.MapRestate();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        EndpointUrl = new Uri(address.EndsWith('/') ? address : address + "/");
    }
}
