using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Restate.Sdk.Clients;
using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests;

[Collection(SharedSessionEnvironment.Name)]
public sealed class BadInputTests(SessionEnvironment env)
{
    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "application/json", "{}", "'message'" },
        { "application/json", "{\"message\": \"\"}", "empty" },
        { "application/json", "{\"message\": \"   \"}", "empty" },
        { "application/json", "{\"message\": 42}", "must be a string" },
        { "application/json", "{\"message\": \"hi\"", "not valid JSON" },
        { "application/json", "[\"hi\"]", "JSON object" },
        { "application/json", "", "empty" },
        { "text/plain", "{\"message\": \"hi\"}", "content type" },
        { "application/json", "{\"message\": \"" + new string('x', (32 * 1024) + 1) + "\"}", "32 KiB" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task The_api_answers_bad_bodies_with_400_and_writes_nothing(string contentType, string body, string expectedWords)
    {
        var session = await SessionWithOneTurnAsync();
        var stateBefore = await env.GetStateAsync(session);

        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new(contentType);
        using var response = await env.Api.PostAsync($"api/sessions/{session}/messages", content);

        await AssertProblemAsync(response, expectedWords);
        Assert.Equal(stateBefore, await env.GetStateAsync(session));
    }

    [Theory]
    [InlineData("has%20space")]
    [InlineData("semi%3Bcolon")]
    [InlineData("%C3%A9t%C3%A9")]
    public async Task The_api_refuses_session_ids_outside_the_allowed_characters(string encodedId)
    {
        using var post = await env.Api.PostAsJsonAsync($"api/sessions/{encodedId}/messages", new { message = "hi" });
        await AssertProblemAsync(post, "session id");

        using var get = await env.Api.GetAsync($"api/sessions/{encodedId}");
        await AssertProblemAsync(get, "session id");
    }

    [Fact]
    public async Task The_api_refuses_a_session_id_longer_than_128_characters()
    {
        using var response = await env.Api.PostAsJsonAsync($"api/sessions/{new string('a', 129)}/messages", new { message = "hi" });
        await AssertProblemAsync(response, "session id");
    }

    public static TheoryData<string, string> BadIngressBodies => new()
    {
        { "{}", "'message'" },
        { "{\"message\": \"\"}", "empty" },
        { "{\"message\": \"" + new string('y', (32 * 1024) + 1) + "\"}", "32 KiB" },
        { "{\"message\": ", "could not read its input as ChatTurnRequest" },
    };

    [Theory]
    [MemberData(nameof(BadIngressBodies))]
    public async Task Direct_calls_on_the_restate_ingress_get_the_same_rules(string body, string expectedWords)
    {
        var session = await SessionWithOneTurnAsync();
        var stateBefore = await env.GetStateAsync(session);

        var response = await env.Restate.Ingress.CallRawAsync(
            IngressTarget.ForObject("AgentSession", session, "chat"), Encoding.UTF8.GetBytes(body), "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expectedWords, response.ToException().Message, StringComparison.Ordinal);
        Assert.Equal(stateBefore, await env.GetStateAsync(session));
    }

    [Fact]
    public async Task Direct_calls_with_a_bad_session_key_are_refused_without_state()
    {
        const string key = "bad key!";
        var response = await env.Restate.Ingress.CallRawAsync(
            IngressTarget.ForObject("AgentSession", key, "chat"), new { message = "hi" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("session id", response.ToException().Message, StringComparison.Ordinal);
        Assert.Empty(await env.GetStateAsync(key));
    }

    private async Task<string> SessionWithOneTurnAsync()
    {
        var session = SessionEnvironment.NewSessionId();
        (await env.PostMessageAsync(session, "Hello")).Dispose();
        return session;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string expectedWords)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(expectedWords, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }
}
