using System.Text.Json.Nodes;
using SkAgentSession.Agents;
using SkAgentSession.Airline;
using SkAgentSession.Events;
using SkAgentSession.Tests.Support;

namespace SkAgentSession.Tests.Agents;

/// <summary>
/// A streamed turn stores exactly what the same turn stores without streaming, and asks the model
/// the same things; only how its text is reported differs.
/// </summary>
public sealed class StreamingParityTests
{
    [Fact]
    public async Task A_streamed_conversation_stores_the_same_items_and_sends_the_same_requests()
    {
        var turns = ScriptedConversation.Turns;
        using var streamed = new ScriptedHarness();
        using var whole = new ScriptedHarness(streaming: false);
        var streamedSession = new SessionDriver(streamed);
        var wholeSession = new SessionDriver(whole);

        foreach (var turn in turns)
        {
            var streamedEvents = new RecordingTurnEventSink();
            var wholeEvents = new RecordingTurnEventSink();
            var streamedTurn = await streamedSession.SendAsync(turn, streamedEvents);
            var wholeTurn = await wholeSession.SendAsync(turn, wholeEvents);

            Assert.Equal(wholeTurn.Reply, streamedTurn.Reply);
            Assert.Equal(wholeEvents.Deltas, streamedEvents.Deltas);
            Assert.Equal(wholeEvents.Outline(), streamedEvents.Outline());
        }

        Assert.Equal(SessionItemJson.Serialize(wholeSession.Items), SessionItemJson.Serialize(streamedSession.Items));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(wholeSession.Context), System.Text.Json.JsonSerializer.Serialize(streamedSession.Context));
        Assert.All(streamed.Recorder.Bodies, b => Assert.True(JsonNode.Parse(b)!["stream"]!.GetValue<bool>()));
        Assert.All(streamed.Recorder.Bodies, b => Assert.True(JsonNode.Parse(b)!["stream_options"]!["include_usage"]!.GetValue<bool>()));
        Assert.All(whole.Recorder.Bodies, b => Assert.Null(JsonNode.Parse(b)!["stream"]));
        Assert.Equal(whole.Recorder.Bodies.Select(WithoutStreamOptions), streamed.Recorder.Bodies.Select(WithoutStreamOptions));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Text_written_before_tool_calls_is_part_of_the_reply_and_of_the_deltas(bool streaming)
    {
        string[] responses =
        [
            CannedChatModelHandler.Calls(
                "Un instant…",
                ("call_a", "transfer_to_faq_agent", "{}"),
                ("call_b", "transfer_to_seat_booking_agent", "{}")),
            CannedChatModelHandler.Calls(null, ("call_c", "faq_lookup", """{ "question" : "Où est le <wifi>?" }""")),
            CannedChatModelHandler.Text("Le wifi est gratuit."),
        ];
        using var harness = new ScriptedHarness(model: new CannedChatModelHandler(responses), streaming: streaming);
        var sink = new RecordingTurnEventSink();

        var result = await harness.Runner.RunTurnAsync(
            new AgentTurnRequest<AirlineContext>([], AirlineAgentNames.Triage, new AirlineContext()) { UserMessage = "Où est le wifi ?", Events = sink });

        Assert.Equal("Un instant…" + TurnReply.MessageSeparator + "Le wifi est gratuit.", result.Reply);
        Assert.Equal(result.Reply, sink.Deltas);
        Assert.Equal(
            ["Un instant…", "Le wifi est gratuit."],
            result.NewItems.OfType<MessageItem>().Where(m => m.Role == SessionItemRole.Assistant).Select(m => m.Content));
        Assert.Equal(
            [
                $"model.request 1 {AirlineAgentNames.Triage}",
                TurnEventTypes.TextDelta,
                $"handoff {AirlineAgentNames.Triage} -> {AirlineAgentNames.Faq}",
                "tool.call transfer_to_seat_booking_agent",
                "tool.result transfer_to_seat_booking_agent",
                $"model.request 2 {AirlineAgentNames.Faq}",
                "tool.call faq_lookup",
                "tool.result faq_lookup",
                $"model.request 3 {AirlineAgentNames.Faq}",
                TurnEventTypes.TextDelta,
            ],
            sink.Outline());
        var separator = sink.Events.SkipWhile(e => e.Type != TurnEventTypes.ModelRequest || e.Attempt != 3).Skip(1).First();
        Assert.Equal(TurnReply.MessageSeparator, separator.Text);
        Assert.Equal(
            "Not run: the conversation was handed to the FAQ Agent first.",
            sink.Events.Single(e => e.Type == TurnEventTypes.ToolResult && e.CallId == "call_b").Result);
    }

    [Fact]
    public async Task Text_before_tool_calls_is_stored_the_same_streamed_or_not()
    {
        string[] responses =
        [
            CannedChatModelHandler.Calls("Un instant…", ("call_a", "transfer_to_faq_agent", "{}")),
            CannedChatModelHandler.Text("Le wifi est gratuit."),
        ];
        using var streamed = new ScriptedHarness(model: new CannedChatModelHandler(responses));
        using var whole = new ScriptedHarness(model: new CannedChatModelHandler(responses), streaming: false);

        var streamedTurn = await new SessionDriver(streamed).SendAsync("Où est le wifi ?");
        var wholeTurn = await new SessionDriver(whole).SendAsync("Où est le wifi ?");

        Assert.Equal(SessionItemJson.Serialize(wholeTurn.NewItems), SessionItemJson.Serialize(streamedTurn.NewItems));
        Assert.Equal(whole.Recorder.Bodies.Select(WithoutStreamOptions), streamed.Recorder.Bodies.Select(WithoutStreamOptions));
    }

    private static string WithoutStreamOptions(string body)
    {
        var request = JsonNode.Parse(body)!.AsObject();
        request.Remove("stream");
        request.Remove("stream_options");
        return request.ToJsonString();
    }
}
