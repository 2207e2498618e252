using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests.Cluster;

/// <summary>Two replicas behind the cluster's load balancer (<c>cluster/LoadBalancer</c>), request identity on.</summary>
public sealed class BalancedReplicasTests(BalancedReplicasEnvironment env) : IClassFixture<BalancedReplicasEnvironment>
{
    [Fact]
    public async Task Turns_sent_to_the_balancer_run_on_both_replicas_which_verify_restates_signature_behind_it()
    {
        var messages = Enumerable.Range(1, 8)
            .Select(_ => SessionEnvironment.NewSessionId())
            .Select(session => (Session: session, Text: $"Is there wifi? #model-slow:300 {session}"))
            .ToList();

        var responses = await Task.WhenAll(messages.Select(m => env.PostMessageAsync(env.Balancer.ApiUrl, m.Session, m.Text)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var answeredBy = env.ProcessesThatAnswered([.. messages.Select(m => m.Text)]);
        Assert.Equal(env.Replicas.Select(r => r.ProcessId!.Value).Order(), answeredBy.Order());
        Assert.Equal(HttpStatusCode.Unauthorized, await UnsignedDiscoveryThroughTheBalancerAsync());
    }

    [Fact]
    public async Task A_message_resent_with_its_key_through_the_other_replica_attaches_to_the_same_turn()
    {
        var session = SessionEnvironment.NewSessionId();
        var message = $"Is there wifi? #model-slow:2000 {session}";
        var key = Guid.NewGuid().ToString();

        var first = env.PostMessageAsync(env.Replicas[0].BaseUrl, session, message, key);
        await Eventually.HoldsAsync(() => env.ProcessesThatAnswered([message]).Count > 0, TimeSpan.FromSeconds(10), "the turn never reached the model");
        using var resent = await env.PostMessageAsync(env.Replicas[1].BaseUrl, session, message, key);
        using var original = await first;

        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal(await ReplyAsync(original), await ReplyAsync(resent));
        using var history = await env.Api.GetAsync($"api/sessions/{session}");
        var items = (await history.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(1, items.Count(i => i.GetProperty("role").GetString() == "user"));
        Assert.Equal(1, items.Count(i => i.GetProperty("role").GetString() == "assistant" && i.GetProperty("type").GetString() == "message"));
    }

    [Fact]
    public async Task A_turns_events_stream_through_the_balancer_as_they_happen()
    {
        var session = SessionEnvironment.NewSessionId();
        await using var stream = await EventStreamClient.OpenAsync(env.Api, session);

        // A slow model: the turn has begun streaming long before it ends, so a balancer that buffered would show nothing yet.
        var pending = env.PostMessageAsync(env.Balancer.ApiUrl, session, $"Is there wifi? #model-slow:3000 {session}");
        var early = await stream.ReadUntilAsync("model.request");
        Assert.False(pending.IsCompleted, "the turn ended before its first events came through");
        var seen = early.Concat(await stream.ReadUntilAsync("turn.completed")).ToList();
        using var response = await pending;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        StreamedTurn.AssertConsecutive(seen);
        Assert.Equal(await ReplyAsync(response), StreamedTurn.Text(seen));
    }

    private async Task<HttpStatusCode> UnsignedDiscoveryThroughTheBalancerAsync()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(env.Balancer.EndpointUrl, "discover"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<string?> ReplyAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetString();
}
