using System.Net;
using Restate.Sdk.Clients;
using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>A workflow whose run waits on a durable promise that a shared handler completes.</summary>
public abstract class WorkflowTests(WorkflowEnvironment env)
{
    [Fact]
    public async Task A_durable_promise_resolved_by_a_shared_handler_completes_the_workflow()
    {
        await env.Ingress.SendAsync(IngressTarget.ForWorkflow("Signup", "ada", "run"), "ada@example.com");
        await WaitForStatusAsync("ada", "awaiting confirmation");
        Assert.False(await env.Ingress.CallAsync<bool>(IngressTarget.ForWorkflow("Signup", "ada", "isConfirmed")));

        await env.Ingress.CallAsync(IngressTarget.ForWorkflow("Signup", "ada", "confirm"), "4711");
        var result = await env.Ingress.AttachAsync<string>(InvocationQuery.Workflow("Signup", "ada"));

        Assert.Equal("ada@example.com confirmed with code 4711", result);
        Assert.Equal("confirmed", await env.Ingress.CallAsync<string>(IngressTarget.ForWorkflow("Signup", "ada", "status")));
        Assert.True(await env.Ingress.CallAsync<bool>(IngressTarget.ForWorkflow("Signup", "ada", "isConfirmed")));
    }

    [Fact]
    public async Task A_rejected_durable_promise_fails_the_workflow_with_the_reason()
    {
        await env.Ingress.SendAsync(IngressTarget.ForWorkflow("Signup", "bob", "run"), "bob@example.com");
        await WaitForStatusAsync("bob", "awaiting confirmation");

        await env.Ingress.CallAsync(IngressTarget.ForWorkflow("Signup", "bob", "decline"), "address bounced");
        var result = await env.Ingress.AttachRawAsync(InvocationQuery.Workflow("Signup", "bob"));

        Assert.Equal(HttpStatusCode.InternalServerError, result.StatusCode);
        Assert.Contains("address bounced", result.ToException().Message, StringComparison.Ordinal);
        Assert.Equal("declined", await env.Ingress.CallAsync<string>(IngressTarget.ForWorkflow("Signup", "bob", "status")));
    }

    private Task<string?> WaitForStatusAsync(string key, string status) =>
        Eventually.Until(
            () => env.Ingress.CallAsync<string>(IngressTarget.ForWorkflow("Signup", key, "status")),
            current => current == status,
            $"workflow {key} to reach status '{status}'");
}
