using SkAgentSession.Agents;
using SkAgentSession.Agents.Loop;
using SkAgentSession.Airline;
using SkAgentSession.Tests.Support;

namespace SkAgentSession.Tests.Agents;

/// <summary>
/// A session whose turns run one action at a time (each action's progress stored and read back, as
/// in step durability) and a session whose turns run whole must send the model byte-identical
/// requests and store the same items.
/// </summary>
public sealed class ChatHistoryRoundTripTests
{
    private const int Seed = 7;

    [Fact]
    public async Task Scripted_session_rebuilt_from_stored_items_sends_the_same_requests_as_the_live_history()
    {
        var turns = ScriptedConversation.Turns;

        using var live = new ScriptedHarness();
        using var stored = new ScriptedHarness();
        var liveItems = await RunLiveAsync(live, turns, AirlineAgents.CreateCatalog());
        var session = new SessionDriver(stored, Seed);
        foreach (var turn in turns)
        {
            await session.SendAsync(turn);
        }

        Assert.True(live.Recorder.Bodies.Count > turns.Count * 2, "the scenario should exercise tool calls and handoffs");
        Assert.Equal(live.Recorder.Bodies, stored.Recorder.Bodies);
        Assert.Equal(SessionItemJson.Serialize(liveItems), SessionItemJson.Serialize(session.Items));
    }

    [Fact]
    public async Task Text_with_tool_calls_a_call_cut_short_by_a_handoff_and_unusual_arguments_round_trip()
    {
        // Spacing, non-ASCII and HTML characters as a real model may write them.
        const string faqArguments = """{ "question" : "Où est le <wifi>?" }""";
        string[] responses =
        [
            CannedChatModelHandler.Calls(
                "Un instant…",
                ("call_a", "transfer_to_faq_agent", "{}"),
                ("call_b", "transfer_to_seat_booking_agent", "{}")),
            CannedChatModelHandler.Calls(null, ("call_c", "faq_lookup", faqArguments)),
            CannedChatModelHandler.Text("Le wifi est gratuit."),
            CannedChatModelHandler.Text("De rien !"),
        ];
        string[] turns = ["Où est le wifi ?", "merci"];

        using var live = new ScriptedHarness(model: new CannedChatModelHandler(responses));
        using var stored = new ScriptedHarness(model: new CannedChatModelHandler(responses));
        await RunLiveAsync(live, turns, AirlineAgents.CreateCatalog());
        var session = new SessionDriver(stored, Seed);
        var first = await session.SendAsync(turns[0]);
        await session.SendAsync(turns[1]);

        Assert.Equal(4, stored.Recorder.Bodies.Count);
        Assert.Equal(live.Recorder.Bodies, stored.Recorder.Bodies);

        Assert.Collection(
            first.NewItems,
            i => Assert.Equal("Un instant…", Assert.IsType<MessageItem>(i).Content),
            i => Assert.Equal(("call_a", AirlineAgentNames.Faq), (Assert.IsType<HandoffItem>(i).CallId, ((HandoffItem)i).To)),
            i => Assert.Equal("transfer_to_seat_booking_agent", Assert.IsType<ToolCallItem>(i).Name),
            i => Assert.Equal(
                ("call_b", "Not run: the conversation was handed to the FAQ Agent first."),
                (Assert.IsType<ToolResultItem>(i).CallId, ((ToolResultItem)i).Result)),
            i => Assert.Equal(faqArguments, Assert.IsType<ToolCallItem>(i).Arguments.GetRawText()),
            i => Assert.Equal(AirlineTools.WifiAnswer, Assert.IsType<ToolResultItem>(i).Result),
            i => Assert.Equal("Le wifi est gratuit.", Assert.IsType<MessageItem>(i).Content));
        Assert.Equal(AirlineAgentNames.Faq, first.ActiveAgent);
    }

    [Fact]
    public void A_tool_call_without_its_result_is_rejected()
    {
        var at = ScriptedHarness.Start;
        SessionItem[] items =
        [
            MessageItem.FromUser("Triage Agent", "hi", at),
            new ToolCallItem { Agent = "FAQ Agent", CallId = "c1", Name = "faq_lookup", Arguments = System.Text.Json.JsonDocument.Parse("{}").RootElement, Timestamp = at },
            MessageItem.FromAssistant("FAQ Agent", "done", at),
        ];

        var error = Assert.Throws<InvalidDataException>(() => ChatHistoryMapper.ToChatHistory("system", items));
        Assert.Contains("c1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tool_result_without_its_call_is_rejected()
    {
        var at = ScriptedHarness.Start;
        SessionItem[] items =
        [
            MessageItem.FromUser("Triage Agent", "hi", at),
            new ToolResultItem { Agent = "FAQ Agent", CallId = "c9", Name = "faq_lookup", Result = "x", Timestamp = at },
        ];

        var error = Assert.Throws<InvalidDataException>(() => ChatHistoryMapper.ToChatHistory("system", items));
        Assert.Contains("c9", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs each turn one action at a time, the progress going through JSON between actions the way
    /// a journaled step's result does (step durability).
    /// </summary>
    private static async Task<List<SessionItem>> RunLiveAsync(ScriptedHarness harness, IReadOnlyList<string> turns, AgentCatalog<AirlineContext> catalog)
    {
        var agent = catalog.DefaultAgent;
        var context = new AirlineContext();
        var items = new List<SessionItem>();
        foreach (var turn in turns)
        {
            harness.Time.Advance(TimeSpan.FromSeconds(1));
            items.Add(MessageItem.FromUser(agent, turn, harness.Time.GetUtcNow()));
            var (history, progress) = harness.Runner.Begin(new AgentTurnRequest<AirlineContext>([.. items], agent, context) { RandomSeed = Seed });
            for (var action = harness.Runner.Next(progress, approvals: false); action.IsStep; action = harness.Runner.Next(progress, approvals: false))
            {
                var next = await harness.Runner.ApplyAsync(history, progress, action, TurnEventEmitter.Unobserved(), CancellationToken.None);
                progress = System.Text.Json.JsonSerializer.Deserialize<TurnProgress<AirlineContext>>(
                    System.Text.Json.JsonSerializer.Serialize(next, SessionItemJson.Options), SessionItemJson.Options)!;
            }

            items.AddRange(progress.Items);
            agent = progress.ActiveAgent;
            context = progress.Context;
        }

        return items;
    }
}
