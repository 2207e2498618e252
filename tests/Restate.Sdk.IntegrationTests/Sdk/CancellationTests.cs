using System.Net;
using Restate.Sdk.Clients;
using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>Cancelling a running invocation through the admin API.</summary>
public sealed class CancellationTests(CancellationEnvironment env) : IClassFixture<CancellationEnvironment>
{
    [Fact]
    public async Task A_cancelled_invocation_ends_with_409_for_the_caller_and_an_attached_client()
    {
        var call = env.Ingress.CallRawAsync(
            IngressTarget.ForService("Patient", "wait"), "a", new IngressCallOptions { IdempotencyKey = "cancel-me" });
        var invocationId = await env.Probe.WaitForAsync("patient:a");
        var attached = env.Ingress.AttachRawAsync(InvocationQuery.ById(invocationId));

        await env.Admin.CancelInvocationAsync(invocationId);
        var callerSees = await call;
        var attachedSees = await attached;

        Assert.Equal(HttpStatusCode.Conflict, callerSees.StatusCode);
        Assert.Equal(RestateErrorSource.Invocation, callerSees.ErrorSource);
        Assert.Equal(invocationId, callerSees.InvocationId);
        Assert.Equal(HttpStatusCode.Conflict, attachedSees.StatusCode);

        // The handler saw the cancellation as a terminal 409 at its await and could still compensate durably.
        Assert.Equal(["409"], env.Probe.Records("patient cancelled:a"));
        Assert.Equal(1, env.Probe.Count("patient compensated:a"));
    }

    [Fact]
    public async Task A_handler_cancels_an_invocation_it_sent_and_sees_it_end_with_409()
    {
        var result = await env.Ingress.CallAsync<string>(IngressTarget.ForService("Canceller", "cancelChild"), "b");

        Assert.Equal("child failed with 409", result);
    }

    [Fact]
    public async Task Cancelling_a_parent_also_cancels_the_call_it_waits_on()
    {
        var call = env.Ingress.CallRawAsync(IngressTarget.ForService("Canceller", "callChild"), "c");
        var parentId = await env.Probe.WaitForAsync("parent:c");
        await env.Probe.WaitForAsync("patient:c");

        await env.Admin.CancelInvocationAsync(parentId);
        var response = await call;

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var childCancelled = await Eventually.Until(
            () => env.Probe.Records("patient cancelled:c"), codes => codes.Count > 0, "the child call to be cancelled too");
        Assert.Equal(["409"], childCancelled);
        await Eventually.Until(() => env.Probe.Count("patient compensated:c"), count => count == 1, "the child to compensate");
    }

    [Fact]
    public async Task Cancelling_an_invocation_fires_the_token_of_the_run_it_is_executing()
    {
        var call = env.Ingress.CallRawAsync(IngressTarget.ForService("SlowStep", "run"), "d");
        var invocationId = await env.Probe.WaitForAsync("step:d");

        await env.Admin.CancelInvocationAsync(invocationId);
        var response = await call;

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(["yes"], env.Probe.Records("step token fired:d"));
        Assert.Equal(["409"], env.Probe.Records("step compensated:d"));
    }
}
