using Restate.Sdk.Clients;
using Restate.Sdk.IntegrationTests.Sdk.Services;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>Awakeables completed over HTTP (ingress client) and from another handler.</summary>
public abstract class AwakeableTests(AwakeableEnvironment env)
{
    private static readonly IngressTarget Request = IngressTarget.ForService("Approvals", "request");

    [Fact]
    public async Task An_awakeable_resolved_over_http_gives_the_handler_its_value()
    {
        var call = env.Ingress.CallAsync<string>(Request, "t-1");
        var awakeableId = await env.Probe.WaitForAsync("awakeable:t-1");

        await env.Ingress.ResolveAwakeableAsync(awakeableId, "alice");

        Assert.StartsWith("sign_1", awakeableId, StringComparison.Ordinal);
        Assert.Equal("approved by alice", await call);
    }

    [Fact]
    public async Task An_awakeable_rejected_over_http_fails_the_handlers_await_with_a_terminal_exception()
    {
        var call = env.Ingress.CallAsync<string>(Request, "t-2");
        var awakeableId = await env.Probe.WaitForAsync("awakeable:t-2");

        await env.Ingress.RejectAwakeableAsync(awakeableId, "budget exceeded");

        Assert.Equal("rejected (500): budget exceeded", await call);
    }

    [Fact]
    public async Task An_awakeable_can_be_resolved_and_rejected_by_another_handler()
    {
        var approved = env.Ingress.CallAsync<string>(Request, "t-3");
        var denied = env.Ingress.CallAsync<string>(Request, "t-4");
        var approvedId = await env.Probe.WaitForAsync("awakeable:t-3");
        var deniedId = await env.Probe.WaitForAsync("awakeable:t-4");

        await env.Ingress.CallAsync(IngressTarget.ForService("Approvals", "approve"), new Approval(approvedId, "bob"));
        await env.Ingress.CallAsync(IngressTarget.ForService("Approvals", "deny"), new Approval(deniedId, "out of stock"));

        Assert.NotEqual(approvedId, deniedId);
        Assert.Equal("approved by bob", await approved);
        Assert.Equal("rejected (500): out of stock", await denied);
    }
}
