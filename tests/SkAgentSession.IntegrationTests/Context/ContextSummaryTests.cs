using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SkAgentSession.IntegrationTests.Context;

/// <summary>A session longer than the model's context budget, against the real restate-server.</summary>
[Collection(SharedSmallContextEnvironment.Name)]
public sealed class ContextSummaryTests(SmallContextEnvironment env)
{
    [Theory]
    [InlineData("turn")]
    [InlineData("step")]
    public async Task Older_items_are_summarised_in_a_step_of_their_own_and_the_transcript_stays_whole(string durability)
    {
        var session = SmallContextEnvironment.NewSessionId();
        await env.PutSettingsAsync(session, durability, approvals: false);
        string[] questions = ["Is there wifi?", "How much baggage can I bring?", "How many seats are on the plane?", "Is there wifi on board?", "Thanks"];
        var replies = new List<string>();
        foreach (var question in questions)
        {
            using var response = await env.PostMessageAsync(session, question);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            replies.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetString()!);
        }

        var items = (await env.GetHistoryAsync(session)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(questions, items.Where(IsUserMessage).Select(i => i.GetProperty("content").GetString()));

        var state = await env.GetStateAsync(session);
        var summary = JsonDocument.Parse(state["summary"]).RootElement;
        var covers = summary.GetProperty("coversItems").GetInt32();
        Assert.InRange(covers, 1, items.Count - SmallContextEnvironment.KeepItems);
        Assert.True(IsUserMessage(items[covers]), "a summary ends right before a user message, so no turn is split");
        Assert.StartsWith("The customer made ", summary.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("Airline-Wifi", replies[^2], StringComparison.Ordinal);

        var steps = await SummaryStepsAsync(session);
        Assert.True(steps > 0, "the summary was made in a 'summarize history' step");
    }

    private static bool IsUserMessage(JsonElement item) =>
        item.GetProperty("type").GetString() == "message" && item.GetProperty("role").GetString() == "user";

    private async Task<int> SummaryStepsAsync(string session)
    {
        var rows = await env.Restate.Admin.QueryAsync(
            "SELECT j.name FROM sys_journal j JOIN sys_invocation i ON j.id = i.id " +
            $"WHERE i.target_service_name = 'AgentSession' AND i.target_service_key = '{session}' AND j.name = 'summarize history'");
        return rows.Count;
    }
}
