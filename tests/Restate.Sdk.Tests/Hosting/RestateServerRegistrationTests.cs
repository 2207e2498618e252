using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Restate.Sdk.Tests.Endpoint;

namespace Restate.Sdk.Tests.Hosting;

/// <summary>
/// The real restate-server 1.7 accepts our discovery manifest: registration proves the manifest
/// is valid against the server's schema and rules (names, handler types, options, schemas).
/// </summary>
public sealed class RestateServerRegistrationTests : IAsyncLifetime
{
    private RestateServerProcess _server = null!;

    public async Task InitializeAsync() => _server = await RestateServerProcess.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_bidi_deployment_with_every_option_registers_and_lists_its_services()
    {
        await using var host = await RestateTestHost.StartAsync(RegisterEverything);

        var (status, body) = await Register(new { uri = host.BaseAddress.ToString(), force = true });

        Assert.True(status == HttpStatusCode.Created, $"{status}: {body}\n{_server.Log}");
        Assert.Equal(
            ["Counter", "Explicit", "Signup", "greeter"],
            body["services"]!.AsArray().Select(s => (string?)s!["name"]).Order(StringComparer.Ordinal));
        using var admin = AdminClient();
        var services = (await admin.GetFromJsonAsync<JsonNode>("/services"))!["services"]!.AsArray();
        Assert.Equal(4, services.Count);
        Assert.Equal("restate-sdk-dotnet/0.1.0", (string?)body["sdk_version"]);
        Assert.Equal(5, (int?)body["min_protocol_version"]);
        Assert.Equal(6, (int?)body["max_protocol_version"]);

        var counter = (await admin.GetFromJsonAsync<JsonNode>("/services/Counter"))!;
        Assert.Equal("5m", (string?)counter["inactivity_timeout"]);
        Assert.Equal("Kill", (string?)counter["retry_policy"]!["on_max_attempts"]);
        var signup = (await admin.GetFromJsonAsync<JsonNode>("/services/Signup"))!;
        Assert.Equal("7d", (string?)signup["workflow_completion_retention"]);
        Assert.Equal("Workflow", (string?)signup["handlers"]!.AsArray().Single(h => (string?)h!["name"] == "run")!["ty"]);
        var peek = (await admin.GetFromJsonAsync<JsonNode>("/services/Explicit"))!["handlers"]!.AsArray().Single(h => (string?)h!["name"] == "peek")!;
        Assert.False((bool?)peek["public"]);
    }

    [Fact]
    public async Task A_request_response_deployment_registers_over_http11()
    {
        await using var host = await RestateTestHost.StartAsync(RegisterEverything, ProtocolMode.RequestResponse);

        var (status, body) = await Register(new { uri = host.BaseAddress.ToString(), force = true, use_http_11 = true });

        Assert.True(status == HttpStatusCode.Created, $"{status}: {body}\n{_server.Log}");
    }

    [Fact]
    public async Task The_ingress_applies_our_input_rules()
    {
        await using var host = await RestateTestHost.StartAsync(RegisterEverything);
        var (status, body) = await Register(new { uri = host.BaseAddress.ToString(), force = true });
        Assert.True(status == HttpStatusCode.Created, $"{status}: {body}");
        using var ingress = new HttpClient { BaseAddress = _server.IngressUrl, Timeout = TimeSpan.FromSeconds(30) };

        // A handler without input takes an empty body with or without a JSON content type.
        using var bare = await ingress.PostAsync(new Uri("/greeter/noop/send", UriKind.Relative), null);
        using var emptyJson = await ingress.PostAsync(new Uri("/greeter/noop/send", UriKind.Relative), Json(string.Empty));

        // A handler with input needs a JSON body.
        using var missingInput = await ingress.PostAsync(new Uri("/greeter/greet/send", UriKind.Relative), Json(string.Empty));
        using var withInput = await ingress.PostAsync(new Uri("/greeter/greet/send", UriKind.Relative), Json("""{"name":"Ada","times":1}"""));

        Assert.Equal(HttpStatusCode.Accepted, bare.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, emptyJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missingInput.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, withInput.StatusCode);
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    private static void RegisterEverything(RestateBuilder restate)
    {
        var counter = ManifestTestServices.Counter();
        restate
            .AddVirtualObject<Counter>(o =>
            {
                o.Documentation = counter.Options.Documentation;
                o.InactivityTimeout = counter.Options.InactivityTimeout;
                o.AbortTimeout = counter.Options.AbortTimeout;
                o.IdempotencyRetention = counter.Options.IdempotencyRetention;
                o.JournalRetention = counter.Options.JournalRetention;
                o.EnableLazyState = counter.Options.EnableLazyState;
                o.IngressPrivate = counter.Options.IngressPrivate;
                o.RetryPolicy = counter.Options.RetryPolicy;
                o.Metadata["team"] = "agents";
                o.ConfigureHandler("add", h =>
                {
                    h.Documentation = "Adds to the count.";
                    h.Metadata["cost"] = "low";
                    h.InactivityTimeout = TimeSpan.FromSeconds(90);
                    h.RetryPolicy = new InvocationRetryPolicy { MaxAttempts = 3, OnMaxAttempts = OnMaxAttempts.Pause };
                });
            })
            .AddService<Greeter>()
            .AddWorkflow<Signup>(o =>
            {
                o.IdempotencyRetention = TimeSpan.FromDays(2);
                o.ConfigureHandler("run", h => h.WorkflowCompletionRetention = TimeSpan.FromDays(7));
            })
            .AddVirtualObject("Explicit", o => o
                .Handler<int, int>("add", (IObjectContext ctx, int x) => Task.FromResult(x + 1))
                .SharedHandler("peek", (ISharedObjectContext ctx) => Task.FromResult(ctx.Key), h => h.IngressPrivate = true));
    }

    private HttpClient AdminClient() => new() { BaseAddress = _server.AdminUrl, Timeout = TimeSpan.FromSeconds(30) };

    private async Task<(HttpStatusCode Status, JsonNode Body)> Register(object request)
    {
        using var admin = AdminClient();
        using var response = await admin.PostAsJsonAsync("/deployments", request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text.Length == 0 ? "{}" : text)!);
    }
}
