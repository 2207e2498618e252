using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Restate.Sdk.Protocol.Messages;
using Restate.Sdk.Tests.Endpoint;
using Restate.Sdk.Tests.Hosting;
using static Restate.Sdk.Tests.StateMachine.Frame;

namespace Restate.Sdk.Tests.Identity;

/// <summary>Request identity on a real Kestrel endpoint: what gets 401, and that nothing of a handler runs then.</summary>
public sealed class IdentityEndpointTests : IAsyncLifetime
{
    private const string InvokeV6 = "application/vnd.restate.invocation.v6";

    private static readonly TestIdentity Restate = new(seed: 21);

    private RestateTestHost _host = null!;
    private HttpClient _client = null!;
    private int _handlerRuns;

    public async Task InitializeAsync()
    {
        _host = await StartAsync(prefix: "");
        _client = _host.CreateH2cClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Discovery_without_a_signature_is_401_with_a_plain_message()
    {
        using var response = await SendAsync(HttpMethod.Get, "/discover", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            "Request identity verification failed. The request has no single x-restate-signature-scheme header: this endpoint only accepts requests signed by Restate (scheme v1).",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Discovery_with_a_valid_signature_answers_the_manifest()
    {
        using var response = await SendAsync(HttpMethod.Get, "/discover", Restate.Token("/discover", DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"Probe\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_invocation_runs_the_handler()
    {
        using var response = await SendAsync(HttpMethod.Post, "/invoke/Probe/echo", Restate.Token("/invoke/Probe/echo", DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([Output("\"hi\""), End()], DecodeAll(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(1, _handlerRuns);
    }

    [Fact]
    public async Task An_unsigned_invocation_is_401_and_runs_nothing()
    {
        using var response = await SendAsync(HttpMethod.Post, "/invoke/Probe/echo", token: null, scheme: "unsigned");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("The request is unsigned", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, _handlerRuns);
    }

    [Fact]
    public async Task An_invocation_signed_by_another_key_is_401_and_runs_nothing()
    {
        var token = new TestIdentity(seed: 22).Token("/invoke/Probe/echo", DateTimeOffset.UtcNow);

        using var response = await SendAsync(HttpMethod.Post, "/invoke/Probe/echo", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _handlerRuns);
    }

    [Fact]
    public async Task A_token_for_another_handler_is_401()
    {
        using var response = await SendAsync(HttpMethod.Post, "/invoke/Probe/echo", Restate.Token("/invoke/Probe/other", DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _handlerRuns);
    }

    [Fact]
    public async Task An_unverified_caller_learns_nothing_about_the_services()
    {
        using var response = await SendAsync(HttpMethod.Post, "/invoke/Nope/nothing", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("Probe", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_stays_open_for_load_balancers()
    {
        using var response = await _client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Under_a_mount_prefix_the_token_names_the_path_without_it()
    {
        await using var host = await StartAsync(prefix: "/restate");
        using var client = host.CreateH2cClient();

        using var signed = await SendAsync(client, HttpMethod.Post, "/restate/invoke/Probe/echo", Restate.Token("/invoke/Probe/echo", DateTimeOffset.UtcNow));
        using var unsigned = await SendAsync(client, HttpMethod.Post, "/restate/invoke/Probe/echo", token: null);

        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
    }

    [Fact]
    public async Task A_malformed_configured_key_stops_the_app_at_startup()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RestateTestHost.StartAsync(restate =>
        {
            restate.Services.Configure<RestateOptions>(o => o.IdentityKeys.Add("publickeyv1_0OIl"));
            restate.AddService<Greeter>();
        }));

        Assert.Contains("RestateOptions.IdentityKeys", error.Message, StringComparison.Ordinal);
    }

    private Task<RestateTestHost> StartAsync(string prefix) => RestateTestHost.StartAsync(
        restate =>
        {
            restate.Services.Configure<RestateOptions>(o => o.IdentityKeys.Add(Restate.KeyId));
            restate.AddService("Probe", service => service.Handler("echo", (IContext ctx, string input) =>
            {
                Interlocked.Increment(ref _handlerRuns);
                return Task.FromResult(input);
            }));
        },
        map: app => app.MapRestate(prefix));

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, string scheme = "v1") =>
        SendAsync(_client, method, path, token, scheme);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? token, string scheme = "v1")
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        if (token is not null || scheme != "v1")
        {
            request.Headers.Add("x-restate-signature-scheme", scheme);
        }

        if (token is not null)
        {
            request.Headers.Add("x-restate-jwt-v1", token);
        }

        if (method == HttpMethod.Post)
        {
            request.Content = new ByteArrayContent(Encode(Start(knownEntries: 1), Input("\"hi\"")));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(InvokeV6);
        }
        else
        {
            request.Headers.TryAddWithoutValidation("Accept", DiscoveryNegotiationTests.Restate17Accept);
        }

        return await client.SendAsync(request);
    }
}
