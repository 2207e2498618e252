using Restate.Sdk.Clients;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary><see cref="DurableFuture"/> combinators over calls, runs and timers.</summary>
public abstract class CombinatorTests(CombinatorEnvironment env)
{
    [Fact]
    public async Task All_waits_for_every_future_and_keeps_their_order()
    {
        var values = await env.Ingress.CallAsync<string[]>(IngressTarget.ForService("Fanout", "all"));

        Assert.Equal(["a", "b", "c", "x", "y"], values ?? []);
    }

    [Fact]
    public async Task Race_completes_with_the_first_future_to_complete()
    {
        Assert.Equal("fast", await env.Ingress.CallAsync<string>(IngressTarget.ForService("Fanout", "race")));
    }

    [Fact]
    public async Task Any_over_a_timer_and_a_call_gives_the_index_of_the_first()
    {
        Assert.Equal("timed out", await env.Ingress.CallAsync<string>(IngressTarget.ForService("Fanout", "timeout")));
    }
}
