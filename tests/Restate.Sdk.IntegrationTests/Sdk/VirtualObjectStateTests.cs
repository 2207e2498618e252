using System.Text.Json.Nodes;
using Restate.Sdk.Clients;
using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>Virtual object state through the real server: per-key exclusivity under load, and state stored as JSON.</summary>
public sealed class VirtualObjectStateTests(VirtualObjectStateEnvironment env) : IClassFixture<VirtualObjectStateEnvironment>
{
    [Fact]
    public async Task A_counter_under_100_concurrent_increments_loses_nothing()
    {
        var add = IngressTarget.ForObject("Counter", "hot-key", "add");
        var runsBefore = env.Probe.Count(Services.Counter.RunExecutions);

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => env.Ingress.CallAsync<int>(add, 1)));

        // Each increment saw the one before it: the responses are exactly 1..100, each once.
        Assert.Equal(Enumerable.Range(1, 100), responses.Order());
        Assert.Equal(100, await env.Ingress.CallAsync<int>(IngressTarget.ForObject("Counter", "hot-key", "get")));
        Assert.Equal("100", (await env.StateAsync("Counter", "hot-key"))["count"]);
        Assert.Equal(100, env.Probe.Count(Services.Counter.RunExecutions) - runsBefore);
    }

    [Fact]
    public async Task Concurrent_increments_on_many_keys_keep_every_count_exact()
    {
        var keys = Enumerable.Range(0, 20).Select(i => $"many-{i}").ToArray();

        var calls = keys.SelectMany(key => Enumerable.Range(0, 10).Select(_ => env.Ingress.CallAsync<int>(IngressTarget.ForObject("Counter", key, "add"), 2)));
        await Task.WhenAll(calls);

        foreach (var key in keys)
        {
            Assert.Equal(20, await env.Ingress.CallAsync<int>(IngressTarget.ForObject("Counter", key, "get")));
        }
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("with space/slash?query&amp=1")]
    [InlineData("ünïcødé ✓")]
    public async Task The_object_key_reaches_the_handler_as_sent(string key)
    {
        Assert.Equal(key, await env.Ingress.CallAsync<string>(IngressTarget.ForObject("Profiles", key, "whoAmI")));
    }

    [Fact]
    public async Task Keys_are_independent_and_clear_all_removes_the_state()
    {
        await env.Ingress.CallAsync<int>(IngressTarget.ForObject("Counter", "a", "add"), 5);
        await env.Ingress.CallAsync<int>(IngressTarget.ForObject("Counter", "b", "add"), 7);

        await env.Ingress.CallAsync(IngressTarget.ForObject("Counter", "a", "reset"));

        Assert.Equal(0, await env.Ingress.CallAsync<int>(IngressTarget.ForObject("Counter", "a", "get")));
        Assert.Equal(7, await env.Ingress.CallAsync<int>(IngressTarget.ForObject("Counter", "b", "get")));
        Assert.Empty(await env.StateAsync("Counter", "a"));
    }

    [Fact]
    public async Task State_is_readable_camel_case_json_in_the_admin_sql_state_table()
    {
        var profile = new Services.Profile("Ada Lovelace", ["math", "poetry"], new Services.ProfileAddress("London", 1815));

        await env.Ingress.CallAsync(IngressTarget.ForObject("Profiles", "ada", "save"), profile);
        var state = await env.StateAsync("Profiles", "ada");

        Assert.Equal(["profile", "saved"], state.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("true", state["saved"]);
        var json = JsonNode.Parse(state["profile"])!;
        Assert.Equal("Ada Lovelace", (string?)json["displayName"]);
        Assert.Equal(["math", "poetry"], json["tags"]!.AsArray().Select(tag => (string?)tag));
        Assert.Equal("London", (string?)json["address"]!["city"]);
        Assert.Equal(1815, (int?)json["address"]!["postalCode"]);
    }

    [Theory]
    [InlineData("Profiles")]
    [InlineData("LazyProfiles")]
    public async Task State_reads_writes_keys_and_clears_work_with_eager_and_lazy_state(string service)
    {
        var key = "grace";
        await env.Ingress.CallAsync(
            IngressTarget.ForObject(service, key, "save"), new Services.Profile("Grace Hopper", ["navy"], new Services.ProfileAddress("Arlington", 22201)));
        Assert.Equal(["profile", "saved"], await env.Ingress.CallAsync<string[]>(IngressTarget.ForObject(service, key, "keys")) ?? []);

        var renamed = await env.Ingress.CallAsync<string>(IngressTarget.ForObject(service, key, "rename"));
        var stored = await env.Ingress.CallAsync<Services.Profile>(IngressTarget.ForObject(service, key, "get"));
        await env.Ingress.CallAsync(IngressTarget.ForObject(service, key, "forget"));

        Assert.Equal("GRACE HOPPER", renamed);
        Assert.NotNull(stored);
        Assert.Equal("GRACE HOPPER", stored.DisplayName);
        Assert.Equal(["navy"], stored.Tags);
        Assert.Equal(["saved"], await env.Ingress.CallAsync<string[]>(IngressTarget.ForObject(service, key, "keys")) ?? []);
        Assert.Null(await env.Ingress.CallAsync<Services.Profile>(IngressTarget.ForObject(service, key, "get")));
        Assert.Equal(["saved"], (await env.StateAsync(service, key)).Keys);
    }

    [Fact]
    public async Task A_missing_state_value_is_a_terminal_error_the_handler_chose()
    {
        var response = await env.Ingress.CallRawAsync(IngressTarget.ForObject("LazyProfiles", "nobody", "rename"), null);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No profile to rename.", response.ToException().Message);
    }

    [Fact]
    public async Task A_shared_handler_reads_state_while_an_exclusive_handler_holds_the_key()
    {
        var hold = env.Ingress.CallAsync(IngressTarget.ForObject("Gate", "door", "hold"), 3000);

        var holding = await Eventually.Until(
            () => env.Ingress.CallAsync<bool>(IngressTarget.ForObject("Gate", "door", "peek")),
            value => value,
            "the shared handler to see the exclusive handler's state");

        // The shared call got through while the exclusive one still ran: shared handlers do not queue behind it.
        Assert.True(holding);
        Assert.False(hold.IsCompleted, "The exclusive handler finished before the shared handler could read its state.");
        await hold;
        Assert.False(await env.Ingress.CallAsync<bool>(IngressTarget.ForObject("Gate", "door", "peek")));
    }
}
