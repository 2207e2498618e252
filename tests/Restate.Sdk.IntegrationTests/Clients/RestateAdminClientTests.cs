using System.Net;
using System.Text.Json;
using Restate.Sdk.Clients;
using Restate.Sdk.IntegrationTests.Fixtures;
using Restate.Sdk.Local;

namespace Restate.Sdk.IntegrationTests.Clients;

/// <summary>The admin client against the real restate-server 1.7.12.</summary>
public sealed class RestateAdminClientTests(RestateServerFixture restate) : IClassFixture<RestateServerFixture>, IAsyncLifetime
{
    private readonly List<DiscoveryOnlyEndpoint> _endpoints = [];

    private RestateAdminClient Admin => restate.Admin;

    [Fact]
    public async Task Register_discovers_the_services_and_lists_them()
    {
        var endpoint = await StartEndpointAsync();

        var registered = await Admin.RegisterDeploymentAsync(endpoint.Url);

        Assert.True(registered.Created);
        Assert.StartsWith("dp_", registered.Id, StringComparison.Ordinal);
        Assert.Equal(5, registered.MinProtocolVersion);
        Assert.Equal(6, registered.MaxProtocolVersion);
        Assert.Equal(
            [endpoint.Counter, endpoint.Greeter, endpoint.Signup],
            registered.Services.Select(s => s.Name).Order(StringComparer.Ordinal));

        var deployment = Assert.Single(await Admin.ListDeploymentsAsync(), d => d.Id == registered.Id);
        Assert.Equal(endpoint.Url, deployment.Uri);
        Assert.Equal("BidiStream", deployment.ProtocolType);
        Assert.Equal("HTTP/2.0", deployment.HttpVersion);
        Assert.NotNull(deployment.CreatedAt);
        Assert.InRange(deployment.CreatedAt.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Contains(new ServiceRevision(endpoint.Counter, 1), deployment.Services);
        var single = await Admin.GetDeploymentAsync(registered.Id);
        Assert.Equal((deployment.Id, deployment.Uri, deployment.CreatedAt), (single.Id, single.Uri, single.CreatedAt));

        var services = await Admin.ListServicesAsync();
        Assert.Contains(services, s => s.Name == endpoint.Greeter && s.DeploymentId == registered.Id);
    }

    [Fact]
    public async Task Get_service_reports_types_handlers_and_documentation()
    {
        var endpoint = await StartEndpointAsync();
        await Admin.RegisterDeploymentAsync(endpoint.Url);

        var counter = await Admin.GetServiceAsync(endpoint.Counter);
        var greeter = await Admin.GetServiceAsync(endpoint.Greeter);
        var signup = await Admin.GetServiceAsync(endpoint.Signup);

        Assert.Equal(ServiceType.VirtualObject, counter.Type);
        Assert.Equal(HandlerType.Exclusive, counter.Handlers.Single(h => h.Name == "add").Type);
        Assert.Equal(HandlerType.Shared, counter.Handlers.Single(h => h.Name == "get").Type);
        Assert.Equal("application/json", counter.Handlers.Single(h => h.Name == "add").InputDescription);
        Assert.True(counter.Public);
        Assert.Equal(1, counter.Revision);
        Assert.Equal("1d", counter.IdempotencyRetention);

        Assert.Equal(ServiceType.Service, greeter.Type);
        Assert.Null(Assert.Single(greeter.Handlers).Type);
        Assert.Equal("Says hello.", greeter.Documentation);

        Assert.Equal(ServiceType.Workflow, signup.Type);
        Assert.Equal(HandlerType.Workflow, signup.Handlers.Single(h => h.Name == "run").Type);
    }

    [Fact]
    public async Task Registering_again_without_force_keeps_the_deployment_and_with_force_replaces_it()
    {
        var endpoint = await StartEndpointAsync();
        var first = await Admin.RegisterDeploymentAsync(endpoint.Url);

        var again = await Admin.RegisterDeploymentAsync(endpoint.Url);
        var forced = await Admin.RegisterDeploymentAsync(endpoint.Url, new RegisterDeploymentOptions { Force = true });

        Assert.False(again.Created);
        Assert.Equal(first.Id, again.Id);
        Assert.False(forced.Created);
        Assert.Equal(first.Id, forced.Id);
    }

    [Fact]
    public async Task Registering_an_unreachable_uri_fails_with_the_server_message()
    {
        var unreachable = new Uri($"http://127.0.0.1:{PortAllocator.GetFreeLoopbackPort()}/");

        var error = await Assert.ThrowsAsync<RestateAdminException>(() =>
            Admin.RegisterDeploymentAsync(unreachable, new RegisterDeploymentOptions { Force = true }));

        Assert.Equal("META0003", error.RestateCode);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains(unreachable.AbsoluteUri, error.Message, StringComparison.Ordinal);
        Assert.Contains("Connection refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http11_registration_uses_request_response()
    {
        var endpoint = await StartEndpointAsync(http11: true);

        var registered = await restate.RegisterDeploymentAsync(endpoint.Url, useHttp11: true);

        var deployment = await Admin.GetDeploymentAsync(registered.Id);
        Assert.Equal("RequestResponse", deployment.ProtocolType);
        Assert.Equal("HTTP/1.1", deployment.HttpVersion);
    }

    [Fact]
    public async Task Additional_headers_and_metadata_are_stored_with_the_deployment()
    {
        var endpoint = await StartEndpointAsync();

        var registered = await Admin.RegisterDeploymentAsync(endpoint.Url, new RegisterDeploymentOptions
        {
            Force = true,
            AdditionalHeaders = new Dictionary<string, string> { ["x-api-key"] = "secret-1" },
            Metadata = new Dictionary<string, string> { ["team"] = "clients" },
        });

        var deployment = await Admin.GetDeploymentAsync(registered.Id);
        Assert.Equal("secret-1", deployment.AdditionalHeaders?["x-api-key"]);
        Assert.Equal("clients", deployment.Metadata?["team"]);
    }

    [Fact]
    public async Task Unknown_service_and_deployment_give_clear_errors()
    {
        var service = await Assert.ThrowsAsync<RestateAdminException>(() => Admin.GetServiceAsync("NoSuchService"));
        Assert.Equal(HttpStatusCode.NotFound, service.StatusCode);
        Assert.Contains("NoSuchService", service.Message, StringComparison.Ordinal);

        var malformed = await Assert.ThrowsAsync<RestateAdminException>(() => Admin.GetDeploymentAsync("dp_nonsense"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("dp_nonsense", malformed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_removes_the_deployment_and_its_services()
    {
        var endpoint = await StartEndpointAsync();
        var registered = await Admin.RegisterDeploymentAsync(endpoint.Url);

        await Admin.DeleteDeploymentAsync(registered.Id);

        await WaitUntilAsync(async () => (await Admin.ListDeploymentsAsync()).All(d => d.Id != registered.Id));
        var error = await Assert.ThrowsAsync<RestateAdminException>(() => Admin.GetServiceAsync(endpoint.Greeter));
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        var again = await Assert.ThrowsAsync<RestateAdminException>(() => Admin.DeleteDeploymentAsync(registered.Id));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Query_returns_rows_as_json()
    {
        var endpoint = await StartEndpointAsync();
        var registered = await Admin.RegisterDeploymentAsync(endpoint.Url);

        var rows = await Admin.QueryAsync("SELECT * FROM sys_deployment");

        var row = Assert.Single(rows, r => r.GetProperty("id").GetString() == registered.Id);
        Assert.Equal(JsonValueKind.Object, row.ValueKind);
        Assert.Equal(endpoint.Url.AbsoluteUri, row.GetProperty("endpoint").GetString());
        Assert.Equal(5, row.GetProperty("min_service_protocol_version").GetInt32());
    }

    [Fact]
    public async Task Typed_query_maps_snake_case_columns()
    {
        var endpoint = await StartEndpointAsync();
        var registered = await Admin.RegisterDeploymentAsync(endpoint.Url);

        var rows = await Admin.QueryAsync<DeploymentRow>(
            $"SELECT id, endpoint, max_service_protocol_version FROM sys_deployment WHERE id = '{registered.Id}'");

        Assert.Equal([new DeploymentRow(registered.Id, endpoint.Url.AbsoluteUri, 6)], rows);
    }

    [Fact]
    public async Task A_query_with_no_rows_returns_an_empty_list()
    {
        var rows = await Admin.QueryAsync("SELECT key, value_utf8 FROM state WHERE service_name = 'Nobody'");

        Assert.Empty(rows);
    }

    [Fact]
    public async Task Invalid_sql_fails_with_the_engine_message()
    {
        var error = await Assert.ThrowsAsync<RestateAdminException>(() => Admin.QueryAsync("SELEC nonsense"));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("SELEC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_and_version()
    {
        Assert.True(await Admin.IsHealthyAsync());
        var version = await Admin.GetVersionAsync();
        Assert.Equal("1.7.12", version.Version);
        Assert.InRange(4, version.MinAdminApiVersion, version.MaxAdminApiVersion);
    }

    [Fact]
    public async Task Kill_ends_a_pending_invocation_and_purge_forgets_it()
    {
        var endpoint = await StartEndpointAsync();
        await Admin.RegisterDeploymentAsync(endpoint.Url);
        var target = IngressTarget.ForObject(endpoint.Counter, "alice", "add");
        var sent = await restate.Ingress.SendAsync(target, 1, new IngressSendOptions { IdempotencyKey = "kill-me" });
        var query = InvocationQuery.ById(sent.InvocationId);
        Assert.False((await restate.Ingress.GetOutputAsync<int>(query)).IsReady);

        var purgeTooEarly = await Assert.ThrowsAsync<RestateAdminException>(() => Admin.PurgeInvocationAsync(sent.InvocationId));
        Assert.Equal(HttpStatusCode.Conflict, purgeTooEarly.StatusCode);

        await Admin.KillInvocationAsync(sent.InvocationId);

        var killed = await Assert.ThrowsAsync<RestateIngressException>(() => restate.Ingress.AttachAsync<int>(query));
        Assert.Equal(HttpStatusCode.Conflict, killed.StatusCode);
        Assert.Equal(RestateErrorSource.Invocation, killed.ErrorSource);
        Assert.Equal("killed", killed.Message);

        var killAgain = await Assert.ThrowsAsync<RestateAdminException>(() => Admin.KillInvocationAsync(sent.InvocationId));
        Assert.Equal(HttpStatusCode.Conflict, killAgain.StatusCode);

        await Admin.PurgeInvocationAsync(sent.InvocationId);

        var purged = await Assert.ThrowsAsync<RestateIngressException>(() => restate.Ingress.GetOutputAsync<int>(query));
        Assert.Equal(HttpStatusCode.NotFound, purged.StatusCode);
        Assert.Equal(RestateErrorSource.Ingress, purged.ErrorSource);
    }

    [Fact]
    public async Task Cancel_is_accepted_for_a_pending_invocation()
    {
        var endpoint = await StartEndpointAsync();
        await Admin.RegisterDeploymentAsync(endpoint.Url);
        var sent = await restate.Ingress.SendAsync(IngressTarget.ForService(endpoint.Greeter, "greet"), "Ada");

        await Admin.CancelInvocationAsync(sent.InvocationId);

        // The cancellation reaches the handler through the SDK, which this endpoint does not have: the invocation stays
        // pending until killed. That the call was accepted (no exception) is what the admin client is responsible for.
        var rows = await Admin.QueryAsync($"SELECT status FROM sys_invocation WHERE id = '{sent.InvocationId}'");
        Assert.NotEqual("completed", Assert.Single(rows).GetProperty("status").GetString());
        await Admin.KillInvocationAsync(sent.InvocationId);
    }

    [Fact]
    public async Task Invocation_management_of_unknown_or_malformed_ids_fails_clearly()
    {
        const string Unknown = "inv_1gdJBtdVEcM942bjcDmb1c1khoaJe11Hbz";

        var unknown = await Assert.ThrowsAsync<RestateAdminException>(() => Admin.CancelInvocationAsync(Unknown));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains(Unknown, unknown.Message, StringComparison.Ordinal);

        var malformed = await Assert.ThrowsAsync<RestateAdminException>(() => Admin.KillInvocationAsync("garbage"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("invocation_id", malformed.Message, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var endpoint in _endpoints)
        {
            await endpoint.DisposeAsync();
        }
    }

    private async Task<DiscoveryOnlyEndpoint> StartEndpointAsync(bool http11 = false)
    {
        var endpoint = await DiscoveryOnlyEndpoint.StartAsync("T" + Guid.NewGuid().ToString("N")[..8], http11);
        _endpoints.Add(endpoint);
        return endpoint;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 10 s");
            await Task.Delay(100);
        }
    }

    private sealed record DeploymentRow(string Id, string Endpoint, int MaxServiceProtocolVersion);
}
