using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests.History;

/// <summary><c>GET /api/sessions/{id}?limit=N&amp;before=…</c>, against the real restate-server.</summary>
[Collection(SharedSessionEnvironment.Name)]
public sealed class HistoryPagingTests(SessionEnvironment env)
{
    [Fact]
    public async Task Pages_walked_back_from_the_newest_give_the_whole_history_once_in_order()
    {
        var session = SessionEnvironment.NewSessionId();
        for (var n = 1; n <= 6; n++)
        {
            using var response = await env.PostMessageAsync(session, $"Is there wifi? ({n})");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var whole = (await env.GetHistoryAsync(session)).GetProperty("items").EnumerateArray().Select(i => i.GetRawText()).ToList();
        var pages = new List<List<string>>();
        string? query = "limit=7";
        while (query is not null)
        {
            var page = await env.Api.GetFromJsonAsync<JsonElement>($"api/sessions/{session}?{query}");
            var items = page.GetProperty("items").EnumerateArray().Select(i => i.GetRawText()).ToList();
            Assert.InRange(items.Count, 1, 7);
            Assert.Equal(whole.Count, page.GetProperty("total").GetInt32());
            pages.Add(items);
            query = page.GetProperty("nextBefore").ValueKind == JsonValueKind.Null ? null : $"limit=7&before={page.GetProperty("nextBefore").GetInt32()}";
        }

        Assert.Equal(whole, pages.AsEnumerable().Reverse().SelectMany(p => p));
        Assert.Equal(7, pages[0].Count);
    }

    [Fact]
    public async Task Paging_forward_from_the_start_ends_with_no_next_position()
    {
        var session = SessionEnvironment.NewSessionId();
        using (var response = await env.PostMessageAsync(session, "Is there wifi?"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var first = await env.Api.GetFromJsonAsync<JsonElement>($"api/sessions/{session}?limit=2&after=0");
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("nextBefore").ValueKind);
        var next = first.GetProperty("nextAfter").GetInt32();

        var rest = await env.Api.GetFromJsonAsync<JsonElement>($"api/sessions/{session}?limit=500&after={next}");
        Assert.Equal(JsonValueKind.Null, rest.GetProperty("nextAfter").ValueKind);
        Assert.Equal(first.GetProperty("total").GetInt32(), 2 + rest.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("limit=0", "'limit' must be")]
    [InlineData("limit=abc", "'limit' must be")]
    [InlineData("before=3", "'limit' must be")]
    [InlineData("limit=5&before=-1", "positions in the history")]
    [InlineData("limit=5&before=1&after=1", "not both")]
    [InlineData("limit=5&page=2", "Unknown query parameter 'page'")]
    public async Task Bad_paging_parameters_are_a_400_that_says_what_is_wrong(string query, string expected)
    {
        using var response = await env.Api.GetAsync($"api/sessions/{SessionEnvironment.NewSessionId()}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
