using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Restate.Sdk.Endpoint;
using Restate.Sdk.Serialization;

namespace Restate.Sdk.Tests.Endpoint;

public sealed class EndpointManifestTests
{
    private static readonly string[] V3Keys =
        ["inactivityTimeout", "abortTimeout", "journalRetention", "idempotencyRetention", "enableLazyState", "ingressPrivate"];

    private static readonly string[] V4Keys =
    [
        "retryPolicyInitialInterval", "retryPolicyMaxInterval", "retryPolicyMaxAttempts",
        "retryPolicyExponentiationFactor", "retryPolicyOnMaxAttempts",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Top_level_has_exactly_mode_versions_and_services(int version)
    {
        var manifest = Write(version);

        Assert.Equal(["maxProtocolVersion", "minProtocolVersion", "protocolMode", "services"], Keys(manifest));
        Assert.Equal("BIDI_STREAM", (string?)manifest["protocolMode"]);
        Assert.Equal(5, (int?)manifest["minProtocolVersion"]);
        Assert.Equal(6, (int?)manifest["maxProtocolVersion"]);
        Assert.Equal(["Counter", "greeter", "Signup"], manifest["services"]!.AsArray().Select(s => (string?)s!["name"]));
    }

    [Fact]
    public void Request_response_mode_is_announced()
    {
        var manifest = Write(4, ProtocolMode.RequestResponse);

        Assert.Equal("REQUEST_RESPONSE", (string?)manifest["protocolMode"]);
    }

    [Fact]
    public void Version_1_has_only_the_base_keys()
    {
        var counter = Service(Write(1), "Counter");

        Assert.Equal(["handlers", "name", "ty"], Keys(counter));
        Assert.All(counter["handlers"]!.AsArray(), h => Assert.Equal(["input", "name", "output", "ty"], Keys(h!)));
    }

    [Fact]
    public void Version_2_adds_documentation_and_metadata()
    {
        var counter = Service(Write(2), "Counter");
        var add = Handler(counter, "add");

        Assert.Equal(["documentation", "handlers", "metadata", "name", "ty"], Keys(counter));
        Assert.Equal("A counter per key.", (string?)counter["documentation"]);
        Assert.Equal("agents", (string?)counter["metadata"]!["team"]);
        Assert.Equal(["documentation", "input", "metadata", "name", "output", "ty"], Keys(add));
        Assert.Equal("Clears the counter.", (string?)Handler(counter, "reset_all")["documentation"]);
    }

    [Fact]
    public void Version_3_adds_timeouts_retentions_lazy_state_and_ingress_private_in_milliseconds()
    {
        var counter = Service(Write(3), "Counter");

        Assert.All(V3Keys, key => Assert.True(counter.ContainsKey(key), key));
        Assert.All(V4Keys, key => Assert.False(counter.ContainsKey(key), key));
        Assert.Equal(300_000, (long?)counter["inactivityTimeout"]);
        Assert.Equal(120_000, (long?)counter["abortTimeout"]);
        Assert.Equal(43_200_000, (long?)counter["idempotencyRetention"]);
        Assert.Equal(3_600_000, (long?)counter["journalRetention"]);
        Assert.True((bool?)counter["enableLazyState"]);
        Assert.False((bool?)counter["ingressPrivate"]);
        Assert.Equal(90_000, (long?)Handler(counter, "add")["inactivityTimeout"]);
    }

    [Fact]
    public void Version_4_adds_the_retry_policy()
    {
        var counter = Service(Write(4), "Counter");
        var add = Handler(counter, "add");

        Assert.Equal(250, (long?)counter["retryPolicyInitialInterval"]);
        Assert.Equal(30_000, (long?)counter["retryPolicyMaxInterval"]);
        Assert.Equal(10, (int?)counter["retryPolicyMaxAttempts"]);
        Assert.Equal(1.5, (double?)counter["retryPolicyExponentiationFactor"]);
        Assert.Equal("KILL", (string?)counter["retryPolicyOnMaxAttempts"]);
        Assert.Equal(3, (int?)add["retryPolicyMaxAttempts"]);
        Assert.Equal("PAUSE", (string?)add["retryPolicyOnMaxAttempts"]);
        Assert.False(add.ContainsKey("retryPolicyInitialInterval"));
    }

    [Fact]
    public void Unset_options_are_left_out()
    {
        var greeter = Service(Write(4), "greeter");

        Assert.Equal(["documentation", "handlers", "name", "ty"], Keys(greeter));
        Assert.All(greeter["handlers"]!.AsArray(), h => Assert.Equal(["input", "name", "output"], Keys(h!)));
    }

    [Fact]
    public void Handler_types_follow_the_service_kind()
    {
        var manifest = Write(4);
        var counter = Service(manifest, "Counter");
        var greeter = Service(manifest, "greeter");
        var signup = Service(manifest, "Signup");

        Assert.Equal("VIRTUAL_OBJECT", (string?)counter["ty"]);
        Assert.Equal("SERVICE", (string?)greeter["ty"]);
        Assert.Equal("WORKFLOW", (string?)signup["ty"]);
        Assert.Equal("EXCLUSIVE", (string?)Handler(counter, "add")["ty"]);
        Assert.Equal("SHARED", (string?)Handler(counter, "get")["ty"]);
        Assert.All(greeter["handlers"]!.AsArray(), h => Assert.False(h!.AsObject().ContainsKey("ty")));
        Assert.Equal("WORKFLOW", (string?)Handler(signup, "run")["ty"]);
        Assert.Equal("SHARED", (string?)Handler(signup, "status")["ty"]);
    }

    [Fact]
    public void Workflow_retentions_go_where_the_schema_allows_them()
    {
        var signup = Service(Write(4), "Signup");
        var run = Handler(signup, "run");

        Assert.Equal(172_800_000, (long?)signup["idempotencyRetention"]);
        Assert.False(signup.ContainsKey("workflowCompletionRetention"));
        Assert.Equal(604_800_000, (long?)run["workflowCompletionRetention"]);
        Assert.False(run.ContainsKey("idempotencyRetention"));
        Assert.False(Handler(signup, "status").ContainsKey("workflowCompletionRetention"));
        Assert.False(Service(Write(2), "Signup").ContainsKey("idempotencyRetention"));
        Assert.False(Handler(Service(Write(2), "Signup"), "run").ContainsKey("workflowCompletionRetention"));
    }

    [Fact]
    public void Input_and_output_describe_json_with_schemas()
    {
        var greeter = Service(Write(4), "greeter");
        var greet = Handler(greeter, "greet");

        var input = greet["input"]!.AsObject();
        Assert.Equal(["contentType", "jsonSchema", "required"], Keys(input));
        Assert.Equal("application/json", (string?)input["contentType"]);
        Assert.True((bool?)input["required"]);
        Assert.Equal("object", (string?)input["jsonSchema"]!["type"]);
        Assert.Equal(["name", "times"], input["jsonSchema"]!["properties"]!.AsObject().Select(p => p.Key));

        var output = greet["output"]!.AsObject();
        Assert.Equal(["contentType", "jsonSchema", "setContentTypeIfEmpty"], Keys(output));
        Assert.Equal("application/json", (string?)output["contentType"]);
        Assert.False((bool?)output["setContentTypeIfEmpty"]);
        Assert.Equal("string", (string?)output["jsonSchema"]!["type"]);
    }

    [Fact]
    public void Handlers_without_input_or_output_describe_empty_payloads()
    {
        var noop = Handler(Service(Write(4), "greeter"), "noop");

        Assert.Equal(["contentType", "required"], Keys(noop["input"]!));
        Assert.False((bool?)noop["input"]!["required"]);
        Assert.Equal(["setContentTypeIfEmpty"], Keys(noop["output"]!));
    }

    [Fact]
    public void Schemas_are_self_contained()
    {
        var json = System.Text.Encoding.UTF8.GetString(
            EndpointManifest.Write(ManifestTestServices.All(), ProtocolMode.BidiStream, 4, new SystemTextJsonRestateSerializer()));

        Assert.DoesNotContain("\"$ref\":\"http", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"$id\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_serializer_without_schemas_writes_its_content_type_only()
    {
        var manifest = JsonNode.Parse(EndpointManifest.Write(
            [ManifestTestServices.Greeter()], ProtocolMode.BidiStream, 4, new RawSerializer()))!;
        var greet = Handler(Service(manifest, "greeter"), "greet");

        Assert.Equal(["contentType", "required"], Keys(greet["input"]!));
        Assert.Equal("application/octet-stream", (string?)greet["input"]!["contentType"]);
        Assert.Equal(["contentType", "setContentTypeIfEmpty"], Keys(greet["output"]!));
    }

    [Fact]
    public void A_type_the_serializer_cannot_handle_fails_naming_the_handler()
    {
        var service = new ServiceBuilder("Pointers")
            .Handler("take", (IContext ctx, CollidingNames input) => Task.CompletedTask)
            .Build();

        var error = Assert.Throws<RestateDefinitionException>(() =>
            EndpointManifest.Write([service], ProtocolMode.BidiStream, 4, new SystemTextJsonRestateSerializer()));

        Assert.StartsWith("Handler 'Pointers/take' has an input or output type the serializer cannot describe:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Unknown_manifest_versions_are_refused(int version) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Write(version));

    [Fact]
    public void Content_types_have_no_parameters() =>
        Assert.Equal("application/vnd.restate.endpointmanifest.v4+json", EndpointManifest.ContentType(4));

    private static JsonObject Write(int version, ProtocolMode mode = ProtocolMode.BidiStream) =>
        JsonNode.Parse(EndpointManifest.Write(ManifestTestServices.All(), mode, version, new SystemTextJsonRestateSerializer()))!.AsObject();

    private static JsonObject Service(JsonNode manifest, string name) =>
        Assert.Single(manifest["services"]!.AsArray(), s => (string?)s!["name"] == name)!.AsObject();

    private static JsonObject Handler(JsonNode service, string name) =>
        Assert.Single(service["handlers"]!.AsArray(), h => (string?)h!["name"] == name)!.AsObject();

    private static string[] Keys(JsonNode node) => [.. node.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)];

    public sealed record CollidingNames([property: JsonPropertyName("same")] string A, [property: JsonPropertyName("same")] string B);

    private sealed class RawSerializer : IRestateSerializer
    {
        public string ContentType => "application/octet-stream";

        public byte[] Serialize(object? value, Type type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

        public object? Deserialize(ReadOnlySpan<byte> data, Type type) => JsonSerializer.Deserialize(data, type);
    }
}
