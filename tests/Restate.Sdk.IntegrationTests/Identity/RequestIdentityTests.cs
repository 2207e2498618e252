using System.Net;
using System.Net.Http.Headers;
using Restate.Sdk.Clients;

namespace Restate.Sdk.IntegrationTests.Identity;

/// <summary>
/// restate-server with a request identity key against an SDK endpoint that requires it: Restate's
/// signed requests register and invoke, everything else sent straight to the endpoint gets 401.
/// </summary>
public sealed class RequestIdentityTests(SigningRestateServerFixture restate) : IClassFixture<SigningRestateServerFixture>, IAsyncLifetime
{
    private IdentityServiceHost _service = null!;
    private HttpClient _direct = null!;

    public async Task InitializeAsync()
    {
        _service = await IdentityServiceHost.StartAsync(restate.Key.KeyId);
        _direct = _service.CreateH2cClient();
    }

    public async Task DisposeAsync()
    {
        _direct.Dispose();
        await _service.DisposeAsync();
    }

    [Fact]
    public async Task Restates_signed_requests_register_the_deployment_and_run_calls()
    {
        var registration = await restate.RegisterDeploymentAsync(_service.Url);
        var reply = await restate.Ingress.CallAsync<string>(IngressTarget.ForService(IdentityServiceHost.ServiceName, "greet"), "Ada");

        Assert.Contains(registration.Services, s => s.Name == IdentityServiceHost.ServiceName);
        Assert.Equal("Hello Ada", reply);
        Assert.Equal(1, _service.HandlerRuns);
    }

    [Fact]
    public async Task The_server_logs_the_same_key_id_the_sdk_derives()
    {
        await restate.RegisterDeploymentAsync(_service.Url);

        Assert.Contains(restate.Server.LogTail, line => line.Contains(restate.Key.KeyId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_endpoint_that_trusts_another_key_refuses_restates_discovery()
    {
        await using var other = await IdentityServiceHost.StartAsync(new IdentityKeyPair().KeyId);

        var error = await Assert.ThrowsAsync<RestateAdminException>(() => restate.RegisterDeploymentAsync(other.Url));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("unsigned", null)]
    [InlineData("v1", "other key")]
    [InlineData("v1", "not a jwt")]
    public async Task Unsigned_or_wrongly_signed_invocations_sent_straight_to_the_endpoint_get_401(string? scheme, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"invoke/{IdentityServiceHost.ServiceName}/greet")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent([0, 0, 0, 0, 0, 0, 0, 0]),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/vnd.restate.invocation.v6");
        AddIdentity(request, scheme, token, $"/invoke/{IdentityServiceHost.ServiceName}/greet");

        using var response = await _direct.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Request identity verification failed.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, _service.HandlerRuns);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("unsigned", null)]
    [InlineData("v1", "other key")]
    public async Task Unsigned_or_wrongly_signed_discovery_sent_straight_to_the_endpoint_gets_401(string? scheme, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "discover")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TryAddWithoutValidation("Accept", "application/vnd.restate.endpointmanifest.v4+json");
        AddIdentity(request, scheme, token, "/discover");

        using var response = await _direct.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(IdentityServiceHost.ServiceName, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static void AddIdentity(HttpRequestMessage request, string? scheme, string? token, string audience)
    {
        if (scheme is not null)
        {
            request.Headers.Add("x-restate-signature-scheme", scheme);
        }

        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("x-restate-jwt-v1", token == "other key" ? new IdentityKeyPair().Token(audience) : token);
        }
    }
}
