using Restate.Sdk.Clients;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>Inputs and state beyond Kestrel's default 30 MB request limit, and request headers.</summary>
public sealed class PayloadTests(PayloadEnvironment env) : IClassFixture<PayloadEnvironment>
{
    [Fact]
    public async Task An_input_larger_than_kestrels_default_request_limit_reaches_the_handler()
    {
        // 31 MB: over Kestrel's 30 MB default, under the server's 32 MiB message limit.
        var text = new string('x', 31_000_000);

        var length = await env.Ingress.CallAsync<int>(IngressTarget.ForService("Payloads", "measure"), text);

        Assert.Equal(text.Length, length);
    }

    [Fact]
    public async Task A_large_state_value_is_stored_and_sent_back_with_the_next_invocation()
    {
        var text = new string('y', 12_000_000);

        var stored = await env.Ingress.CallAsync<int>(IngressTarget.ForObject("Blob", "big", "store"), text);
        var length = await env.Ingress.CallAsync<int>(IngressTarget.ForObject("Blob", "big", "length"));

        Assert.Equal(text.Length, stored);
        Assert.Equal(text.Length, length);
    }

    [Fact]
    public async Task Request_headers_reach_the_handler_from_the_ingress_and_through_a_call()
    {
        var direct = await env.Ingress.CallAsync<string>(
            IngressTarget.ForService("Payloads", "tenant"),
            options: new IngressCallOptions { Headers = new Dictionary<string, string> { ["x-tenant"] = "acme" } });
        var forwarded = await env.Ingress.CallAsync<string>(IngressTarget.ForService("Payloads", "forwardTenant"), "globex");

        Assert.Equal("acme", direct);
        Assert.Equal("globex", forwarded);
    }
}
