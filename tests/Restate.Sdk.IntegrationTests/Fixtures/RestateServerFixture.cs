using Restate.Sdk.Clients;
using Restate.Sdk.Local;

namespace Restate.Sdk.IntegrationTests.Fixtures;

/// <summary>
/// A fresh restate-server for a test class (<c>IClassFixture&lt;RestateServerFixture&gt;</c>) or a collection
/// (<c>[Collection(SharedRestateServer.Name)]</c>): free loopback ports, a temporary base directory, killed and
/// wiped afterwards. Derive and override <see cref="CreateOptions"/> to pass server settings (e.g. environment
/// variables for lower timeouts or request signing).
/// </summary>
public class RestateServerFixture : IAsyncLifetime
{
    private LocalRestateServer? _server;

    /// <summary>The running server: URLs, log tail, <see cref="LocalRestateServer.RestartAsync"/>, <see cref="LocalRestateServer.Kill"/>.</summary>
    public LocalRestateServer Server =>
        _server ?? throw new InvalidOperationException("The Restate server fixture has not been initialized.");

    public RestateAdminClient Admin => Server.Admin;

    public RestateIngressClient Ingress => Server.Ingress;

    public Uri IngressUrl => Server.IngressUrl;

    public Uri AdminUrl => Server.AdminUrl;

    /// <summary>
    /// Registers the service endpoint at <paramref name="endpointUri"/> with <c>force</c>, so a test that re-registers
    /// the same URI with changed handlers gets them. Use <paramref name="useHttp11"/> for request/response endpoints.
    /// </summary>
    public Task<DeploymentRegistration> RegisterDeploymentAsync(
        Uri endpointUri,
        bool useHttp11 = false,
        CancellationToken cancellationToken = default) =>
        Admin.RegisterDeploymentAsync(endpointUri, new RegisterDeploymentOptions { Force = true, UseHttp11 = useHttp11 }, cancellationToken);

    public async Task InitializeAsync() => _server = await LocalRestateServer.StartAsync(CreateOptions());

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>The server options; the defaults give free ports and a temporary base directory, killed on dispose.</summary>
    protected virtual LocalRestateServerOptions CreateOptions() => new() { KillOnDispose = true };
}
