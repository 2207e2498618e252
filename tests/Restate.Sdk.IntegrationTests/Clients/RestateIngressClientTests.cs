using System.Buffers.Binary;
using System.Net;
using System.Text;
using Restate.Sdk.Clients;
using Restate.Sdk.IntegrationTests.Fixtures;

namespace Restate.Sdk.IntegrationTests.Clients;

/// <summary>
/// The ingress client against the real restate-server 1.7.12. The registered endpoint never completes an invocation
/// (see <see cref="DiscoveryOnlyEndpoint"/>), so these cover the ingress's own answers, sends, output/attach of pending
/// and killed invocations, and awakeable ids; successful handler results are covered by the SDK's tests.
/// </summary>
public sealed class RestateIngressClientTests(RestateServerFixture restate) : IClassFixture<RestateServerFixture>, IAsyncLifetime
{
    private DiscoveryOnlyEndpoint _endpoint = null!;

    private RestateIngressClient Ingress => restate.Ingress;

    [Fact]
    public async Task Calling_an_unknown_service_gives_404_with_the_ingress_message()
    {
        var error = await Assert.ThrowsAsync<RestateIngressException>(() =>
            Ingress.CallAsync<string>(IngressTarget.ForService("NoSuchService", "greet"), "Ada"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(404, error.RestateCode);
        Assert.Equal(RestateErrorSource.Ingress, error.ErrorSource);
        Assert.Equal(
            "service 'NoSuchService' not found, make sure to register the service before calling it.",
            error.Message);
    }

    [Fact]
    public async Task The_raw_call_returns_the_error_answer_without_throwing()
    {
        var response = await Ingress.CallRawAsync(IngressTarget.ForObject("NoSuchObject", "k", "add"), 1);

        Assert.False(response.IsSuccess);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.ContentType);
        Assert.Equal(RestateErrorSource.Ingress, response.ErrorSource);
        Assert.Contains("NoSuchObject", response.BodyText, StringComparison.Ordinal);
        var error = response.ToException();
        Assert.Contains("NoSuchObject", error.Message, StringComparison.Ordinal);
        Assert.Throws<RestateIngressException>(response.EnsureSuccess);
    }

    [Fact]
    public async Task A_body_of_the_wrong_content_type_is_refused_by_the_input_rules()
    {
        var response = await Ingress.CallRawAsync(
            IngressTarget.ForService(_endpoint.Greeter, "greet"), Encoding.UTF8.GetBytes("Ada"), "text/plain");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = response.ToException();
        Assert.Equal(RestateErrorSource.Ingress, error.ErrorSource);
        Assert.Contains("text/plain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_send_with_an_idempotency_key_is_accepted_once()
    {
        var target = IngressTarget.ForObject(_endpoint.Counter, "alice", "add");
        var options = new IngressSendOptions { IdempotencyKey = "add-once" };

        var first = await Ingress.SendAsync(target, 5, options);
        var second = await Ingress.SendAsync(target, 5, options);
        var otherKey = await Ingress.SendAsync(IngressTarget.ForObject(_endpoint.Counter, "bob", "add"), 5, options);

        Assert.StartsWith("inv_", first.InvocationId, StringComparison.Ordinal);
        Assert.Equal(SendStatus.Accepted, first.Status);
        Assert.Null(first.ExecutionTime);
        Assert.Equal(new SendResponse(first.InvocationId, SendStatus.PreviouslyAccepted, null), second);
        Assert.Equal(SendStatus.Accepted, otherKey.Status);
        Assert.NotEqual(first.InvocationId, otherKey.InvocationId);
    }

    [Fact]
    public async Task A_delayed_send_reports_when_it_will_run()
    {
        var before = DateTimeOffset.UtcNow;

        var sent = await Ingress.SendAsync(
            IngressTarget.ForService(_endpoint.Greeter, "greet"), "Ada", new IngressSendOptions { Delay = TimeSpan.FromSeconds(90.5) });

        Assert.Equal(SendStatus.Accepted, sent.Status);
        Assert.NotNull(sent.ExecutionTime);
        Assert.InRange(sent.ExecutionTime.Value, before.AddSeconds(90), DateTimeOffset.UtcNow.AddSeconds(91));
        var rows = await restate.Admin.QueryAsync($"SELECT status FROM sys_invocation WHERE id = '{sent.InvocationId}'");
        Assert.Equal("scheduled", Assert.Single(rows).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_negative_send_delay_is_refused_by_the_client()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Ingress.SendAsync(
            IngressTarget.ForService(_endpoint.Greeter, "greet"), null, new IngressSendOptions { Delay = TimeSpan.FromSeconds(-1) }));
    }

    [Fact]
    public async Task The_output_of_a_pending_invocation_is_not_ready()
    {
        var target = IngressTarget.ForObject(_endpoint.Counter, "carol", "add");
        var sent = await Ingress.SendAsync(target, 1, new IngressSendOptions { IdempotencyKey = "pending-1" });

        var byId = await Ingress.GetOutputAsync<int>(InvocationQuery.ById(sent.InvocationId));
        var byKey = await Ingress.GetOutputAsync<int>(InvocationQuery.Idempotent(target, "pending-1"));

        Assert.False(byId.IsReady);
        Assert.False(byKey.IsReady);
        Assert.Throws<InvalidOperationException>(() => byId.Value);
        var raw = await Ingress.GetOutputRawAsync(InvocationQuery.ById(sent.InvocationId));
        Assert.Equal(470, (int)raw.StatusCode);
        Assert.Equal(RestateErrorSource.Ingress, raw.ErrorSource);
    }

    [Fact]
    public async Task Keys_with_slashes_and_spaces_find_their_invocation()
    {
        var target = IngressTarget.ForObject(_endpoint.Counter, "team/a b", "add");
        const string IdempotencyKey = "order 17/retry?x=1";
        var sent = await Ingress.SendAsync(target, 1, new IngressSendOptions { IdempotencyKey = IdempotencyKey });

        var found = await Ingress.LookupInvocationIdAsync(InvocationQuery.Idempotent(target, IdempotencyKey));

        Assert.Equal(sent.InvocationId, found);
        Assert.False((await Ingress.GetOutputAsync<int>(InvocationQuery.Idempotent(target, IdempotencyKey))).IsReady);
        var rows = await restate.Admin.QueryAsync(
            $"SELECT target_service_key, idempotency_key FROM sys_invocation WHERE id = '{sent.InvocationId}'");
        var row = Assert.Single(rows);
        Assert.Equal("team/a b", row.GetProperty("target_service_key").GetString());
        Assert.Equal(IdempotencyKey, row.GetProperty("idempotency_key").GetString());
    }

    [Fact]
    public async Task Lookup_derives_the_id_of_an_idempotent_invocation_before_it_exists()
    {
        var target = IngressTarget.ForObject(_endpoint.Counter, "frank", "add");
        var query = InvocationQuery.Idempotent(target, "derived-1");

        var derived = await Ingress.LookupInvocationIdAsync(query);
        var unknown = await Assert.ThrowsAsync<RestateIngressException>(() => Ingress.GetOutputAsync<int>(InvocationQuery.ById(derived)));
        var sent = await Ingress.SendAsync(target, 1, new IngressSendOptions { IdempotencyKey = "derived-1" });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("invocation not found", unknown.Message);
        Assert.Equal(derived, sent.InvocationId);
    }

    [Fact]
    public async Task A_workflow_run_can_be_looked_up_and_is_not_ready_while_pending()
    {
        var run = IngressTarget.ForWorkflow(_endpoint.Signup, "user/1", "run");

        var first = await Ingress.SendAsync(run, new { email = "ada@example.com" });
        var second = await Ingress.SendAsync(run, new { email = "ada@example.com" });

        Assert.Equal(SendStatus.PreviouslyAccepted, second.Status);
        Assert.Equal(first.InvocationId, second.InvocationId);
        var query = InvocationQuery.Workflow(_endpoint.Signup, "user/1");
        Assert.False((await Ingress.GetOutputAsync<string>(query)).IsReady);
        Assert.Equal(first.InvocationId, await Ingress.LookupInvocationIdAsync(query));
    }

    [Fact]
    public async Task Attach_waits_for_the_result_and_reports_a_killed_invocation_as_its_failure()
    {
        var target = IngressTarget.ForObject(_endpoint.Counter, "dave", "add");
        var sent = await Ingress.SendAsync(target, 1, new IngressSendOptions { IdempotencyKey = "attach-1" });
        var query = InvocationQuery.Idempotent(target, "attach-1");

        var attach = Ingress.AttachAsync<int>(query);
        Assert.False((await Ingress.GetOutputAsync<int>(query)).IsReady, "the invocation is pending");

        // The attach ends with the kill's failure: it waited for the invocation's outcome.
        await restate.Admin.KillInvocationAsync(sent.InvocationId);

        var error = await Assert.ThrowsAsync<RestateIngressException>(() => attach.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal(409, error.RestateCode);
        Assert.Equal(RestateErrorSource.Invocation, error.ErrorSource);
        Assert.Equal(sent.InvocationId, error.InvocationId);

        var output = await Assert.ThrowsAsync<RestateIngressException>(() => Ingress.GetOutputAsync<int>(query));
        Assert.Equal(RestateErrorSource.Invocation, output.ErrorSource);
    }

    [Fact]
    public async Task An_idempotent_call_can_be_abandoned_and_its_invocation_found_again()
    {
        var target = IngressTarget.ForObject(_endpoint.Counter, "erin", "add");
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Ingress.CallAsync<int>(target, 1, new IngressCallOptions { IdempotencyKey = "call-1" }, giveUp.Token));

        var invocationId = await Ingress.LookupInvocationIdAsync(InvocationQuery.Idempotent(target, "call-1"));
        Assert.StartsWith("inv_", invocationId, StringComparison.Ordinal);
        Assert.False((await Ingress.GetOutputAsync<int>(InvocationQuery.ById(invocationId))).IsReady);
    }

    [Fact]
    public async Task Awakeable_ids_that_are_malformed_or_of_the_wrong_kind_are_refused()
    {
        var malformed = await Assert.ThrowsAsync<RestateIngressException>(() => Ingress.ResolveAwakeableAsync("garbage", 42));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(RestateErrorSource.Ingress, malformed.ErrorSource);
        Assert.Equal("bad awakeable id 'garbage': bad format", malformed.Message);

        var sent = await Ingress.SendAsync(IngressTarget.ForService(_endpoint.Greeter, "greet"), "Ada");
        var wrongKind = await Assert.ThrowsAsync<RestateIngressException>(() =>
            Ingress.RejectAwakeableAsync(sent.InvocationId, "no"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongKind.StatusCode);
        Assert.Contains("bad awakeable id", wrongKind.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_well_formed_awakeable_id_is_accepted_even_if_no_invocation_waits_for_it()
    {
        // sign_1 + base64url(invocation id bytes + signal index): the server cannot know whether it still exists, and
        // delivers the completion asynchronously; so resolve and reject succeed.
        var id = "sign_1" + Base64Url(RandomInvocationIdBytes(), signalIndex: 17);

        await Ingress.ResolveAwakeableAsync(id, new { approved = true });
        await Ingress.RejectAwakeableAsync(id, "denied");
    }

    [Fact]
    public async Task Health()
    {
        Assert.True(await Ingress.IsHealthyAsync());
    }

    public async Task InitializeAsync()
    {
        _endpoint = await DiscoveryOnlyEndpoint.StartAsync("I" + Guid.NewGuid().ToString("N")[..8]);
        await restate.RegisterDeploymentAsync(_endpoint.Url);
    }

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    private static byte[] RandomInvocationIdBytes()
    {
        // An invocation id is a partition key (8 bytes) and a 16-byte uuid.
        var bytes = new byte[24];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    private static string Base64Url(byte[] invocationId, uint signalIndex)
    {
        var bytes = new byte[invocationId.Length + 4];
        invocationId.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(invocationId.Length), signalIndex);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
