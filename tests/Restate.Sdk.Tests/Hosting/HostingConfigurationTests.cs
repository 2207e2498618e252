using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Restate.Sdk.Endpoint;
using Restate.Sdk.Hosting;
using Restate.Sdk.Protocol;
using Restate.Sdk.Tests.Endpoint;

namespace Restate.Sdk.Tests.Hosting;

public sealed class HostingConfigurationTests
{
    [Fact]
    public async Task Request_response_mode_listens_on_http11_and_says_so_in_the_manifest()
    {
        await using var host = await RestateTestHost.StartAsync(r => r.AddService<Greeter>(), ProtocolMode.RequestResponse);
        using var http11 = host.CreateHttp11Client();
        using var h2c = host.CreateH2cClient();

        using var response = await http11.GetAsync(new Uri("/discover", UriKind.Relative));
        var manifest = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.Equal("REQUEST_RESPONSE", (string?)manifest["protocolMode"]);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => h2c.GetAsync(new Uri("/health", UriKind.Relative)));
    }

    [Fact]
    public async Task A_prefix_moves_every_route()
    {
        await using var host = await RestateTestHost.StartAsync(r => r.AddService<Greeter>(), map: app => app.MapRestate("restate/"));
        using var client = host.CreateH2cClient();

        using var prefixed = await client.GetAsync(new Uri("/restate/discover", UriKind.Relative));
        using var health = await client.GetAsync(new Uri("/restate/health", UriKind.Relative));
        using var unprefixed = await client.GetAsync(new Uri("/discover", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, prefixed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unprefixed.StatusCode);
    }

    [Fact]
    public async Task Conventions_on_the_returned_builder_apply_to_the_routes()
    {
        await using var host = await RestateTestHost.StartAsync(r => r.AddService<Greeter>(), map: app => app.MapRestate().RequireHost("*:1"));
        using var client = host.CreateH2cClient();

        using var response = await client.GetAsync(new Uri("/discover", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void MapRestate_without_AddRestate_explains_what_is_missing()
    {
        var app = WebApplication.CreateSlimBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapRestate());

        Assert.Equal("Call builder.Services.AddRestate() before app.MapRestate().", error.Message);
    }

    [Fact]
    public void AddRestate_twice_shares_one_registry_and_merges_options()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddRestate(o => o.ProtocolMode = ProtocolMode.RequestResponse).AddService<Greeter>();
        services.AddRestate(o => o.IdentityKeys.Add("publickeyv1_AfQwmwfgEZhrWpvv8N52SHpRtZqGGaFr4AZN6qtYWSiY")).AddVirtualObject<Counter>();
        using var provider = services.BuildServiceProvider();

        var endpoint = provider.GetRequiredService<RestateEndpoint>();
        var options = provider.GetRequiredService<IOptions<RestateOptions>>().Value;

        Assert.Equal(["greeter", "Counter"], provider.GetRequiredService<ServiceRegistry>().Services.Select(s => s.Name));
        Assert.Equal(ProtocolMode.RequestResponse, endpoint.ProtocolMode);
        Assert.Equal(["publickeyv1_AfQwmwfgEZhrWpvv8N52SHpRtZqGGaFr4AZN6qtYWSiY"], options.IdentityKeys);
    }

    [Fact]
    public void Invalid_definitions_fail_when_they_are_registered()
    {
        var restate = new ServiceCollection().AddRestate();

        var wrongKind = Assert.Throws<RestateDefinitionException>(() => restate.AddService<Counter>());
        restate.AddVirtualObject<Counter>();
        var duplicate = Assert.Throws<RestateDefinitionException>(() => restate.AddVirtualObject("Counter", o => o.Handler("a", (IObjectContext ctx) => Task.CompletedTask)));

        Assert.Contains("is marked [VirtualObject] but is registered as a service", wrongKind.Message, StringComparison.Ordinal);
        Assert.Contains("Two services are named 'Counter'", duplicate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Service_options_given_at_registration_reach_the_manifest()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddRestate().AddVirtualObject<Counter>(o =>
        {
            o.InactivityTimeout = TimeSpan.FromMinutes(5);
            o.ConfigureHandler("add", h => h.IngressPrivate = true);
        });
        using var provider = services.BuildServiceProvider();

        var manifest = JsonNode.Parse(provider.GetRequiredService<RestateEndpoint>().Manifest(4))!;
        var counter = manifest["services"]![0]!;
        var add = counter["handlers"]!.AsArray().Single(h => (string?)h!["name"] == "add")!;

        Assert.Equal(300_000, (long?)counter["inactivityTimeout"]);
        Assert.True((bool?)add["ingressPrivate"]);
    }

    [Fact]
    public void Json_options_shape_the_serializer_and_the_schemas()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddRestate(o => o.JsonSerializerOptions = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })
            .AddService("Names", s => s.Handler("echo", (IContext ctx, Wrapped input) => Task.FromResult(input)));
        using var provider = services.BuildServiceProvider();
        var endpoint = provider.GetRequiredService<RestateEndpoint>();

        var schema = JsonNode.Parse(endpoint.Manifest(4))!["services"]![0]!["handlers"]![0]!["input"]!["jsonSchema"]!;

        Assert.Equal(["first_name"], schema["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal("""{"first_name":"Ada"}""", System.Text.Encoding.UTF8.GetString(endpoint.Serializer.Serialize(new Wrapped("Ada"))));
    }

    [Fact]
    public void A_resolved_invocation_carries_the_handler_the_version_and_the_request_scope()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddRestate(o => o.ProtocolMode = ProtocolMode.RequestResponse).AddVirtualObject<Counter>();
        using var provider = services.BuildServiceProvider();
        var endpoint = provider.GetRequiredService<RestateEndpoint>();
        using var scope = provider.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.RouteValues["service"] = "Counter";
        http.Request.RouteValues["handler"] = "get";
        http.Request.ContentType = "application/vnd.restate.invocation.v5";

        Assert.True(endpoint.TryCreateInvocation(http, out var request, out _, out _));

        Assert.Equal("Counter", request.ServiceName);
        Assert.Equal(ServiceKind.VirtualObject, request.ServiceKind);
        Assert.Equal("get", request.HandlerName);
        Assert.Equal(HandlerKind.Shared, request.HandlerKind);
        Assert.Equal(ServiceProtocolVersion.V5, request.Version);
        Assert.Same(scope.ServiceProvider, request.Services);
        Assert.Same(endpoint.Serializer, request.Serializer);
        Assert.True(request.RequestResponseMode);
    }

    [Fact]
    public void The_server_header_names_the_sdk() => Assert.Equal("restate-sdk-dotnet/0.1.0", SdkInfo.ServerHeaderValue);

    public sealed record Wrapped(string FirstName);
}
