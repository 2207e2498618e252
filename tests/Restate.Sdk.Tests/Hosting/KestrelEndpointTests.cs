using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Restate.Sdk.Hosting;
using Restate.Sdk.Tests.Endpoint;

namespace Restate.Sdk.Tests.Hosting;

public sealed class KestrelEndpointTests : IAsyncLifetime
{
    private RestateTestHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await RestateTestHost.StartAsync(
            restate => restate
                .AddVirtualObject<Counter>()
                .AddService<Greeter>()
                .AddWorkflow("Explicit", w => w.Handler("run", (IWorkflowContext ctx) => Task.CompletedTask)),
            mapExtra: app => app.MapPost("/probe-limits", ProbeLimitsAsync));
        _client = _host.CreateH2cClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Discovery_over_h2c_answers_manifest_v4_with_the_exact_content_type()
    {
        using var request = H2cRequest(HttpMethod.Get, "/discover");
        request.Headers.TryAddWithoutValidation("Accept", DiscoveryNegotiationTests.Restate17Accept);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal(["application/vnd.restate.endpointmanifest.v4+json"], response.Content.Headers.GetValues("Content-Type"));
        Assert.Equal(["restate-sdk-dotnet/0.1.0"], response.Headers.GetValues("x-restate-server"));
        var manifest = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(["Counter", "greeter", "Explicit"], manifest["services"]!.AsArray().Select(s => (string?)s!["name"]));
        Assert.Equal("BIDI_STREAM", (string?)manifest["protocolMode"]);
    }

    [Fact]
    public async Task Discovery_without_accept_answers_v1()
    {
        using var response = await _client.GetAsync(new Uri("/discover", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["application/vnd.restate.endpointmanifest.v1+json"], response.Content.Headers.GetValues("Content-Type"));
        var counter = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["services"]![0]!.AsObject();
        Assert.False(counter.ContainsKey("documentation"));
    }

    [Fact]
    public async Task Discovery_with_nothing_acceptable_is_415()
    {
        using var request = H2cRequest(HttpMethod.Get, "/discover");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("Unsupported Accept 'application/json'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_service_is_404_with_a_plain_message()
    {
        using var response = await Invoke("/invoke/Nope/add", "application/vnd.restate.invocation.v6");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            "Unknown service 'Nope'. This endpoint serves: Counter, greeter, Explicit.",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_handler_is_404_with_a_plain_message()
    {
        using var response = await Invoke("/invoke/Counter/nope", "application/vnd.restate.invocation.v6");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith("Unknown handler 'nope' of service 'Counter'.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/vnd.restate.invocation.v4")]
    [InlineData("application/vnd.restate.invocation.v7")]
    [InlineData("application/vnd.restate.invocation.v6; charset=utf-8")]
    public async Task Unsupported_invocation_content_type_is_415(string contentType)
    {
        using var response = await Invoke("/invoke/Counter/add", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("this endpoint speaks application/vnd.restate.invocation.v5 and application/vnd.restate.invocation.v6", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_invocation_content_type_is_415()
    {
        using var response = await _client.PostAsync(new Uri("/invoke/Counter/add", UriKind.Relative), new ByteArrayContent([]));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Health_is_200()
    {
        using var response = await _client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("OK", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Kestrel_lets_an_invocation_lift_its_body_limits_over_http2()
    {
        using var response = await _client.PostAsync(new Uri("/probe-limits", UriKind.Relative), new ByteArrayContent([1]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max=unlimited", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_http2_only_listener_refuses_http11()
    {
        using var http11 = _host.CreateHttp11Client();

        using var response = await http11.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    // A hand-made request message ignores the client's default version, so it is set here.
    private static HttpRequestMessage H2cRequest(HttpMethod method, string path) => new(method, path)
    {
        Version = HttpVersion.Version20,
        VersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    private static async Task ProbeLimitsAsync(HttpContext http)
    {
        RestateEndpoint.LiftRequestBodyLimits(http);
        var max = http.Features.GetRequiredFeature<IHttpMaxRequestBodySizeFeature>().MaxRequestBodySize;
        _ = http.Features.GetRequiredFeature<IHttpMinRequestBodyDataRateFeature>();
        await http.Response.WriteAsync(max is null ? "max=unlimited" : $"max={max}");
    }

    private async Task<HttpResponseMessage> Invoke(string path, string contentType)
    {
        var content = new ByteArrayContent([]);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return await _client.PostAsync(new Uri(path, UriKind.Relative), content);
    }
}
