using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests.History;

/// <summary>The history in pages under their own state keys, and sessions stored before pages, against the real restate-server.</summary>
[Collection(SharedSessionEnvironment.Name)]
public sealed class HistoryLayoutTests(SessionEnvironment env)
{
    private const int PageSize = 64;

    [Fact]
    public async Task A_long_history_is_kept_in_pages_of_64_items_and_read_back_whole_and_in_order()
    {
        var session = SessionEnvironment.NewSessionId();
        var questions = Enumerable.Range(1, 18).Select(n => $"Is there wifi? ({n})").ToList();
        foreach (var question in questions)
        {
            using var response = await env.PostMessageAsync(session, question);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var items = (await env.GetHistoryAsync(session)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(questions, items.Where(i => i.GetProperty("role").GetString() == "user").Select(i => i.GetProperty("content").GetString()));

        var state = await env.GetStateAsync(session);
        var header = JsonDocument.Parse(state["history.header"]).RootElement;
        Assert.Equal(items.Count, header.GetProperty("count").GetInt32());
        Assert.Equal(questions.Count * 2, header.GetProperty("messageCount").GetInt32());
        Assert.True(items.Count > PageSize, "the session spans two pages");
        Assert.Equal(PageSize, JsonDocument.Parse(state["history.0"]).RootElement.GetArrayLength());
        Assert.Equal(items.Count - PageSize, JsonDocument.Parse(state["history.1"]).RootElement.GetArrayLength());
        Assert.DoesNotContain("items", state.Keys);
    }

    [Fact]
    public async Task A_session_stored_as_one_items_array_is_read_listed_and_continued_in_pages()
    {
        var session = SessionEnvironment.NewSessionId();
        const string legacyItems = """
            [{"type":"message","role":"user","agent":"Triage Agent","content":"Hello there","timestamp":"2026-11-01T10:00:00+00:00"},
             {"type":"message","role":"assistant","agent":"Triage Agent","content":"Hi! How can I help?","timestamp":"2026-11-01T10:00:01+00:00"}]
            """;
        await ObjectStateWriter.SetStateAsync(env, "AgentSession", session, new Dictionary<string, string> { ["items"] = legacyItems, ["agent"] = "\"Triage Agent\"" });

        var before = (await env.GetHistoryAsync(session)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("content").GetString()).ToList();
        Assert.Equal(["Hello there", "Hi! How can I help?"], before);
        var listed = (await env.Api.GetFromJsonAsync<JsonElement>("api/sessions")).GetProperty("sessions").EnumerateArray()
            .Single(s => s.GetProperty("sessionId").GetString() == session);
        Assert.Equal(2, listed.GetProperty("messageCount").GetInt32());

        using (var response = await env.PostMessageAsync(session, "Is there wifi?"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var after = (await env.GetHistoryAsync(session)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Hello there", "Hi! How can I help?", "Is there wifi?"], after.Where(i => i.GetProperty("type").GetString() == "message").Take(3).Select(i => i.GetProperty("content").GetString()));
        var state = await env.GetStateAsync(session);
        Assert.DoesNotContain("items", state.Keys);
        Assert.Equal(after.Count, JsonDocument.Parse(state["history.header"]).RootElement.GetProperty("count").GetInt32());
    }
}
