using System.Net;
using Restate.Sdk.Clients;
using Restate.Sdk.IntegrationTests.Fixtures;

namespace Restate.Sdk.IntegrationTests.Clients;

/// <summary>
/// Calls that complete, through the real server, to the frame-level <see cref="EchoEndpoint"/>: typed results, raw
/// answers, idempotency, attach and output of finished invocations, terminal failures, headers.
/// </summary>
public sealed class IngressCallTests(RestateServerFixture restate) : IClassFixture<RestateServerFixture>, IAsyncLifetime
{
    private EchoEndpoint _endpoint = null!;

    private RestateIngressClient Ingress => restate.Ingress;

    private IngressTarget Echo => IngressTarget.ForService(_endpoint.ServiceName, "echo");

    [Fact]
    public async Task A_typed_call_sends_and_reads_camel_case_json()
    {
        var person = new Person("Ada", 36);

        var echoed = await Ingress.CallAsync<Person>(Echo, person);
        var raw = await Ingress.CallRawAsync(Echo, person);

        Assert.Equal(person, echoed);
        Assert.True(raw.IsSuccess);
        Assert.Equal("""{"name":"Ada","age":36}""", raw.BodyText);
        Assert.Equal("application/json", raw.ContentType);
        Assert.StartsWith("inv_", raw.InvocationId, StringComparison.Ordinal);
        Assert.Null(raw.ErrorSource);
    }

    [Fact]
    public async Task A_call_without_input_sends_no_body_and_an_empty_output_reads_as_default()
    {
        Assert.Null(await Ingress.CallAsync<Person>(Echo));
        Assert.Equal(0, await Ingress.CallAsync<int>(Echo));
        await Ingress.CallAsync(Echo, "ignored");
    }

    [Fact]
    public async Task An_idempotent_call_runs_once_and_repeats_return_the_same_result()
    {
        var options = new IngressCallOptions { IdempotencyKey = "person-1" };
        var before = _endpoint.Invocations;

        var first = await Ingress.CallRawAsync(Echo, new Person("Ada", 36), options);
        var second = await Ingress.CallRawAsync(Echo, new Person("Grace", 85), options);

        Assert.Equal(first.BodyText, second.BodyText);
        Assert.Equal(first.InvocationId, second.InvocationId);
        Assert.Equal(1, _endpoint.Invocations - before);
        Assert.NotNull(second.IdempotencyExpires);
        Assert.InRange(second.IdempotencyExpires.Value, DateTimeOffset.UtcNow.AddHours(23), DateTimeOffset.UtcNow.AddHours(25));
    }

    [Fact]
    public async Task A_finished_invocation_can_be_attached_to_and_its_output_read()
    {
        var sent = await Ingress.SendAsync(Echo, new Person("Ada", 36), new IngressSendOptions { IdempotencyKey = "send-1" });
        var byId = InvocationQuery.ById(sent.InvocationId);

        var attached = await Ingress.AttachAsync<Person>(byId);
        var output = await Ingress.GetOutputAsync<Person>(byId);
        var byKey = await Ingress.GetOutputAsync<Person>(InvocationQuery.Idempotent(Echo, "send-1"));

        Assert.Equal(new Person("Ada", 36), attached);
        Assert.True(output.IsReady);
        Assert.Equal(new Person("Ada", 36), output.Value);
        Assert.Equal(sent.InvocationId, output.InvocationId);
        Assert.Equal(new Person("Ada", 36), byKey.Value);
    }

    [Fact]
    public async Task A_terminal_failure_becomes_an_invocation_error_with_code_message_and_metadata()
    {
        var fail = IngressTarget.ForService(_endpoint.ServiceName, "fail");

        var error = await Assert.ThrowsAsync<RestateIngressException>(() => Ingress.CallAsync<string>(fail, "Ada"));

        Assert.Equal((HttpStatusCode)422, error.StatusCode);
        Assert.Equal(422, error.RestateCode);
        Assert.Equal(RestateErrorSource.Invocation, error.ErrorSource);
        Assert.Equal("rejected: \"Ada\"", error.Message);
        Assert.Equal("test", error.Metadata["reason"]);
        Assert.StartsWith("inv_", error.InvocationId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extra_headers_reach_the_invocation()
    {
        var headers = await Ingress.CallAsync<Dictionary<string, string>>(
            IngressTarget.ForService(_endpoint.ServiceName, "headers"),
            options: new IngressCallOptions { Headers = new Dictionary<string, string> { ["x-tenant"] = "acme" } });

        Assert.NotNull(headers);
        Assert.Equal("acme", headers["x-tenant"]);
    }

    [Fact]
    public async Task A_result_of_the_wrong_shape_gives_a_json_error_naming_the_invocation()
    {
        var error = await Assert.ThrowsAsync<System.Text.Json.JsonException>(() => Ingress.CallAsync<int>(Echo, "not a number"));

        Assert.Contains("inv_", error.Message, StringComparison.Ordinal);
        Assert.Contains("Int32", error.Message, StringComparison.Ordinal);
    }

    public async Task InitializeAsync()
    {
        _endpoint = await EchoEndpoint.StartAsync("Echo" + Guid.NewGuid().ToString("N")[..8]);
        await restate.RegisterDeploymentAsync(_endpoint.Url, useHttp11: true);
    }

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    private sealed record Person(string Name, int Age);
}
