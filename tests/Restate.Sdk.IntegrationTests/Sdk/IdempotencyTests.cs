using Restate.Sdk.Clients;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>The <c>idempotency-key</c>: one execution per key, whether the duplicate comes while the first runs or after.</summary>
public sealed class IdempotencyTests(IdempotencyEnvironment env) : IClassFixture<IdempotencyEnvironment>
{
    private static readonly IngressTarget Work = IngressTarget.ForService("Once", "work");

    [Fact]
    public async Task A_duplicate_call_with_the_same_idempotency_key_runs_once()
    {
        var options = new IngressCallOptions { IdempotencyKey = "payment-42" };

        var first = env.Ingress.CallRawAsync(Work, "pay", options);
        var whileRunning = env.Ingress.CallRawAsync(Work, "pay", options);
        var responses = await Task.WhenAll(first, whileRunning);
        var afterwards = await env.Ingress.CallRawAsync(Work, "pay with another body", options);

        Assert.All(responses.Append(afterwards), r => Assert.True(r.IsSuccess, r.BodyText));
        Assert.StartsWith("\"pay/", responses[0].BodyText, StringComparison.Ordinal);
        Assert.All(responses.Append(afterwards), r => Assert.Equal(responses[0].BodyText, r.BodyText));
        Assert.All(responses.Append(afterwards), r => Assert.Equal(responses[0].InvocationId, r.InvocationId));
        Assert.Equal(1, env.Probe.Count("work:pay"));
        Assert.Equal(0, env.Probe.Count("work:pay with another body"));
    }

    [Fact]
    public async Task Different_idempotency_keys_run_separately()
    {
        var first = await env.Ingress.CallRawAsync(Work, "refund", new IngressCallOptions { IdempotencyKey = "refund-1" });
        var second = await env.Ingress.CallRawAsync(Work, "refund", new IngressCallOptions { IdempotencyKey = "refund-2" });

        Assert.True(first.IsSuccess && second.IsSuccess, first.BodyText + second.BodyText);
        Assert.NotEqual(first.BodyText, second.BodyText);
        Assert.NotEqual(first.InvocationId, second.InvocationId);
        Assert.Equal(2, env.Probe.Count("work:refund"));
    }

    [Fact]
    public async Task A_handler_calling_twice_with_one_idempotency_key_runs_the_callee_once()
    {
        var results = await env.Ingress.CallAsync<string[]>(IngressTarget.ForService("Once", "callTwice"), "ship");

        Assert.NotNull(results);
        Assert.Equal(2, results.Length);
        Assert.StartsWith("ship/", results[0], StringComparison.Ordinal);
        Assert.Equal(results[0], results[1]);
        Assert.Equal(1, env.Probe.Count("work:ship"));
    }
}
