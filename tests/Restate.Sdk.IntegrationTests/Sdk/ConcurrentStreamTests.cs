using Restate.Sdk.Clients;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>Many invocations open at once over bidi streams, none of them finishing until the test lets them.</summary>
public sealed class ConcurrentStreamTests(ConcurrentStreamEnvironment env) : IClassFixture<ConcurrentStreamEnvironment>
{
    [Fact]
    public async Task Two_hundred_invocations_waiting_at_the_same_time_all_run_and_complete()
    {
        // More than HTTP/2's usual 100 concurrent streams per connection: none may be held back behind the others.
        const int count = 200;
        var calls = Enumerable.Range(0, count)
            .Select(n => env.Ingress.CallAsync<string>(IngressTarget.ForService("Waiters", "wait"), n))
            .ToArray();

        var awakeableIds = await Task.WhenAll(Enumerable.Range(0, count).Select(n => env.Probe.WaitForAsync("waiter:" + n, TimeSpan.FromSeconds(20))));
        await Task.WhenAll(awakeableIds.Select(id => env.Ingress.ResolveAwakeableAsync(id, "released")));
        var results = await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, count).Select(n => $"{n}: released"), results);
    }
}
