using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkAgentSession.IntegrationTests.Durability;

namespace SkAgentSession.IntegrationTests.History;

/// <summary>A session of thousands of turns, against the real restate-server (issue 11).</summary>
[Collection(SharedLongSessionEnvironment.Name)]
public sealed class LongSessionTests(LongSessionEnvironment env)
{
    private const int Turns = 2000;

    // Turns whose latency is compared: early ones after the first ten (the app's JIT warms up on those), and the last ones.
    private const int FirstTimedTurn = 11;
    private const int TimedTurns = 50;

    // A loose bound, to catch a turn whose cost grows with the history, not a benchmark (that is bench/sessions.sh).
    // At turn 2,000 the history holds ~8,000 items in ~125 pages: a turn that read or wrote all of it would move
    // about a megabyte and be many times slower than an early turn, while a turn that reads only the pages from
    // the summary's end on costs about the same (the bench measured a late/early median ratio near 1). 3× leaves
    // room for the load of other work on a shared machine changing between the early and the late turns.
    private const double MaxLateToEarlyLatency = 3.0;

    private const int PageLimit = 500;

    private const int HistoryPageSize = 64;

    // The model sees at most MaxItems (80) items after the summary, and a turn adds a handful: they span at most 3 pages of 64.
    private const int MaxHistoryPagesRead = 3;

    [Fact]
    public async Task Two_thousand_turns_are_all_answered_stored_whole_and_in_order_and_the_last_ones_are_not_slower()
    {
        var session = LongSessionEnvironment.NewSessionId();
        var questions = Enumerable.Range(1, Turns).Select(n => $"Is there wifi? ({n})").ToList();
        var latencies = new List<double>(Turns);
        foreach (var question in questions)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await env.PostMessageAsync(session, question);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"'{question}': {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var reply = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetString();
            Assert.False(string.IsNullOrWhiteSpace(reply), $"'{question}' got an empty reply");
        }

        var (items, total) = await ReadBackInPagesAsync(session);
        Assert.Equal(total, items.Count);
        var messages = items.Where(i => i.GetProperty("type").GetString() == "message").ToList();
        Assert.Equal(questions, messages.Where(m => Role(m) == "user").Select(m => m.GetProperty("content").GetString()));
        Assert.Equal(2 * Turns, messages.Count);
        for (var i = 0; i < messages.Count; i += 2)
        {
            Assert.True(Role(messages[i]) == "user" && Role(messages[i + 1]) == "assistant", $"message {i} and the next are a question and its answer");
            Assert.False(string.IsNullOrWhiteSpace(messages[i + 1].GetProperty("content").GetString()));
        }

        var state = await env.GetStateAsync(session);
        var header = JsonDocument.Parse(state["history.header"]).RootElement;
        Assert.Equal(total, header.GetProperty("count").GetInt32());
        Assert.Equal(2 * Turns, header.GetProperty("messageCount").GetInt32());

        // The summary covers all but what the last turn's model could see: at most MaxItems after it when
        // the last turn began (its question included), and the items that turn added.
        Assert.True(state.ContainsKey("summary"), "a session this long has a summary");
        var covers = JsonDocument.Parse(state["summary"]).RootElement.GetProperty("coversItems").GetInt32();
        var lastTurnItems = items.Count - items.FindLastIndex(i => Role(i) == "user" && i.GetProperty("type").GetString() == "message");
        Assert.InRange(total - covers, LongSessionEnvironment.KeepItems, LongSessionEnvironment.MaxItems + lastTurnItems - 1);
        Assert.Equal("user", Role(items[covers]));

        // The last turn asked for its state key by key (Restate sent it nothing unasked), and of the
        // history only the newest pages: not the ~125 pages of the whole session.
        var reads = await StateReadsOfLastTurnAsync(session);
        Assert.All(reads, r => Assert.Equal("GetLazyState", r.Command));
        var pagesRead = reads.Select(r => r.Key).Where(k => k.StartsWith("history.", StringComparison.Ordinal) && k != "history.header")
            .Select(k => int.Parse(k["history.".Length..], System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        var newestPage = (total - 1) / HistoryPageSize;
        Assert.InRange(pagesRead.Count, 1, MaxHistoryPagesRead);
        Assert.All(pagesRead, page => Assert.InRange(page, newestPage - MaxHistoryPagesRead + 1, newestPage));

        var early = Median(latencies.Skip(FirstTimedTurn - 1).Take(TimedTurns));
        var late = Median(latencies.TakeLast(TimedTurns));
        Assert.True(
            late <= MaxLateToEarlyLatency * early,
            $"the median of the last {TimedTurns} turns ({late:F1} ms) is more than {MaxLateToEarlyLatency}× that of turns {FirstTimedTurn}–{FirstTimedTurn + TimedTurns - 1} ({early:F1} ms)");
    }

    /// <summary>The whole history through the paged API, walking back from the newest page; and the total each page reports.</summary>
    private async Task<(List<JsonElement> Items, int Total)> ReadBackInPagesAsync(string session)
    {
        var pages = new List<List<JsonElement>>();
        int? total = null;
        string? query = $"limit={PageLimit}";
        while (query is not null)
        {
            var page = await env.Api.GetFromJsonAsync<JsonElement>($"api/sessions/{session}?{query}");
            var pageTotal = page.GetProperty("total").GetInt32();
            Assert.Equal(total ?? pageTotal, pageTotal);
            total = pageTotal;
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, PageLimit);
            pages.Add(items);
            var before = page.GetProperty("nextBefore");
            query = before.ValueKind == JsonValueKind.Null ? null : $"limit={PageLimit}&before={before.GetInt32()}";
        }

        return ([.. pages.AsEnumerable().Reverse().SelectMany(p => p)], total!.Value);
    }

    /// <summary>The state reads in the journal of the session's last turn (its last <c>chat</c> invocation): the command and the key.</summary>
    private async Task<List<(string Command, string Key)>> StateReadsOfLastTurnAsync(string session)
    {
        var last = await env.Restate.Admin.QueryAsync(
            "SELECT id FROM sys_invocation WHERE target_service_name = 'AgentSession' " +
            $"AND target_service_key = '{session}' AND target_handler_name = 'chat' ORDER BY created_at DESC LIMIT 1");
        var journal = await InvocationJournal.ReadAsync(env.Restate, Assert.Single(last).GetProperty("id").GetString()!);
        return [.. journal.Rows
            .Select(r => r.GetProperty("entry_type").GetString()!)
            .Zip(journal.Rows)
            .Where(r => r.First is "Command: GetLazyState" or "Command: GetEagerState")
            .Select(r =>
            {
                var command = r.First["Command: ".Length..];
                var key = JsonDocument.Parse(r.Second.GetProperty("entry_lite_json").GetString()!).RootElement.GetProperty("Command").GetProperty(command).GetProperty("key").GetString()!;
                return (command, key);
            })];
    }

    private static string? Role(JsonElement item) => item.TryGetProperty("role", out var role) ? role.GetString() : null;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[(sorted.Count - 1) / 2];
    }
}
