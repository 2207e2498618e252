using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Restate.Sdk.Local;
using SkAgentSession.Hosting;

namespace SkAgentSession.Tests.Hosting;

/// <summary>What each port of the app answers, with and without Restate request identity keys.</summary>
public sealed class EndpointExposureTests
{
    private const string RestateServerKey = "publickeyv1_AfQwmwfgEZhrWpvv8N52SHpRtZqGGaFr4AZN6qtYWSiY";

    [Fact]
    public async Task The_restate_endpoint_and_the_api_answer_only_on_their_own_ports()
    {
        await using var app = await RunningApp.StartAsync();

        using var discoverOnEndpoint = await app.Endpoint.GetAsync("discover");
        using var discoverOnHttp = await app.Http.GetAsync("discover");
        using var invokeOnHttp = await app.Http.PostAsync("invoke/AgentSession/chat", null);
        using var apiOnEndpoint = await app.Endpoint.GetAsync("api/info");
        using var apiOnHttp = await app.Http.GetAsync("api/info");

        Assert.Equal(HttpStatusCode.OK, discoverOnEndpoint.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, discoverOnHttp.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, invokeOnHttp.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, apiOnEndpoint.StatusCode);
        Assert.Equal(HttpStatusCode.OK, apiOnHttp.StatusCode);
    }

    [Fact]
    public async Task With_identity_keys_the_endpoint_refuses_unsigned_requests()
    {
        await using var app = await RunningApp.StartAsync($"--SkAgentSession:RestateIdentityKeys:0={RestateServerKey}");

        using var discover = await app.Endpoint.GetAsync("discover");
        using var invoke = await app.Endpoint.PostAsync("invoke/AgentSession/chat", null);
        using var api = await app.Http.GetAsync("api/info");

        Assert.Equal(HttpStatusCode.Unauthorized, discover.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, invoke.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    private sealed class RunningApp : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private RunningApp(WebApplication app, int httpPort, int endpointPort)
        {
            _app = app;
            Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/") };
            Endpoint = new HttpClient
            {
                BaseAddress = new Uri($"http://127.0.0.1:{endpointPort}/"),
                DefaultRequestVersion = HttpVersion.Version20,
                DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };
        }

        public HttpClient Http { get; }

        public HttpClient Endpoint { get; }

        public static async Task<RunningApp> StartAsync(params string[] extraArgs)
        {
            var httpPort = PortAllocator.GetFreeLoopbackPort();
            var endpointPort = PortAllocator.GetFreeLoopbackPort();
            var closedPort = PortAllocator.GetFreeLoopbackPort();
            string[] args =
            [
                $"--SkAgentSession:HttpPort={httpPort}",
                $"--SkAgentSession:EndpointPort={endpointPort}",
                "--SkAgentSession:RegisterDeployment=false",
                $"--SkAgentSession:UiPath={Path.Combine(Path.GetTempPath(), "no-ui-here")}",
                $"--RESTATE_INGRESS_URL=http://127.0.0.1:{closedPort}/",
                $"--RESTATE_ADMIN_URL=http://127.0.0.1:{closedPort}/",
                "--Model:Provider=scripted",
                .. extraArgs,
            ];
            var app = SkAgentSessionApp.Build(args, builder => builder.Logging.ClearProviders());
            await app.StartAsync();
            return new RunningApp(app, httpPort, endpointPort);
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            Endpoint.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
