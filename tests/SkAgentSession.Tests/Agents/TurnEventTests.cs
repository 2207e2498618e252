using Microsoft.SemanticKernel;
using SkAgentSession.Agents;
using SkAgentSession.Airline;
using SkAgentSession.Events;
using SkAgentSession.Tests.Support;

namespace SkAgentSession.Tests.Agents;

/// <summary>The events a streamed turn reports, in order, and how they match what the turn stores.</summary>
public sealed class TurnEventTests
{
    [Fact]
    public async Task An_faq_turn_reports_the_handoff_the_lookup_and_the_answer_word_by_word()
    {
        using var harness = new ScriptedHarness();
        var sink = new RecordingTurnEventSink();

        var result = await harness.Runner.RunTurnAsync(
            new AgentTurnRequest<AirlineContext>([], AirlineAgentNames.Triage, new AirlineContext())
            {
                UserMessage = "How much baggage can I bring?",
                TurnId = "t-42",
                Events = sink,
            });

        Assert.Equal(
            [
                $"model.request 1 {AirlineAgentNames.Triage}",
                $"handoff {AirlineAgentNames.Triage} -> {AirlineAgentNames.Faq}",
                $"model.request 2 {AirlineAgentNames.Faq}",
                "tool.call faq_lookup",
                "tool.result faq_lookup",
                $"model.request 3 {AirlineAgentNames.Faq}",
                TurnEventTypes.TextDelta,
            ],
            sink.Outline());
        Assert.All(sink.Events, e => Assert.Equal("t-42", e.TurnId));
        Assert.All(sink.Events, e => Assert.Equal(0, e.Id));

        var call = sink.Events.Single(e => e.Type == TurnEventTypes.ToolCall);
        var storedCall = result.NewItems.OfType<ToolCallItem>().Single();
        Assert.Equal((storedCall.CallId, storedCall.Arguments.GetRawText()), (call.CallId, call.Arguments));
        Assert.Equal("""{"question":"How much baggage can I bring?"}""", call.Arguments);
        var toolResult = sink.Events.Single(e => e.Type == TurnEventTypes.ToolResult);
        Assert.Equal((call.CallId, AirlineTools.BaggageAnswer), (toolResult.CallId, toolResult.Result));

        var deltas = sink.Events.Where(e => e.Type == TurnEventTypes.TextDelta).ToList();
        Assert.True(deltas.Count > 5, $"the answer came in {deltas.Count} pieces");
        Assert.All(deltas, d => Assert.Equal(AirlineAgentNames.Faq, d.Agent));
        Assert.Equal(AirlineTools.BaggageAnswer, sink.Deltas);
        Assert.Equal(result.Reply, sink.Deltas);
        Assert.Equal(result.Reply, Assert.IsType<MessageItem>(result.NewItems[^1]).Content);
        Assert.Equal(3, harness.Recorder.Bodies.Count);
    }

    [Fact]
    public async Task A_seat_update_turn_reports_the_call_with_its_arguments_and_its_result()
    {
        using var harness = new ScriptedHarness();
        var sink = new RecordingTurnEventSink();
        var history = new List<SessionItem> { MessageItem.FromUser(AirlineAgentNames.SeatBooking, "ABC123, seat 12A please", harness.Time.GetUtcNow()) };

        var result = await harness.Runner.RunTurnAsync(
            new AgentTurnRequest<AirlineContext>(history, AirlineAgentNames.SeatBooking, new AirlineContext { FlightNumber = "FLT-100" }) { Events = sink });

        Assert.Equal(
            [
                $"model.request 1 {AirlineAgentNames.SeatBooking}",
                "tool.call update_seat",
                "tool.result update_seat",
                $"model.request 2 {AirlineAgentNames.SeatBooking}",
                TurnEventTypes.TextDelta,
            ],
            sink.Outline());
        var call = sink.Events.Single(e => e.Type == TurnEventTypes.ToolCall);
        Assert.Equal("""{"confirmation_number":"ABC123","new_seat":"12A"}""", call.Arguments);
        var toolResult = sink.Events.Single(e => e.Type == TurnEventTypes.ToolResult);
        Assert.Equal("Updated seat to 12A for confirmation number ABC123 on flight FLT-100.", toolResult.Result);
        Assert.Equal(result.NewItems.OfType<ToolResultItem>().Single().Result, toolResult.Result);
        Assert.All(sink.Events, e => Assert.Equal("turn", e.TurnId));
        Assert.StartsWith("Done! Updated seat to 12A", sink.Deltas, StringComparison.Ordinal);
        Assert.Equal(result.Reply, sink.Deltas);
    }

    [Fact]
    public async Task A_handoff_turn_reports_the_handoff_then_the_new_agents_answer()
    {
        using var harness = new ScriptedHarness();
        var sink = new RecordingTurnEventSink();

        var result = await harness.Runner.RunTurnAsync(
            new AgentTurnRequest<AirlineContext>([], AirlineAgentNames.Triage, new AirlineContext()) { UserMessage = "I want to change my seat", Events = sink });

        Assert.Equal(
            [
                $"model.request 1 {AirlineAgentNames.Triage}",
                $"handoff {AirlineAgentNames.Triage} -> {AirlineAgentNames.SeatBooking}",
                $"model.request 2 {AirlineAgentNames.SeatBooking}",
                TurnEventTypes.TextDelta,
            ],
            sink.Outline());
        var handoff = sink.Events.Single(e => e.Type == TurnEventTypes.Handoff);
        var stored = result.NewItems.OfType<HandoffItem>().Single();
        Assert.Equal((stored.From, stored.To), (handoff.Agent, handoff.To));
        Assert.DoesNotContain(sink.Events, e => e.Type is TurnEventTypes.ToolCall or TurnEventTypes.ToolResult);
        Assert.Equal(result.Reply, sink.Deltas);
        Assert.Contains("confirmation number", sink.Deltas, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_turn_of_a_conversation_reports_what_it_stores()
    {
        var turns = ScriptedConversation.Turns;
        using var harness = new ScriptedHarness();
        var session = new SessionDriver(harness);

        foreach (var turn in turns)
        {
            var requestsBefore = harness.Recorder.Bodies.Count;
            var sink = new RecordingTurnEventSink();
            var result = await session.SendAsync(turn, sink);
            var events = sink.Events;

            Assert.Equal(
                Enumerable.Range(1, harness.Recorder.Bodies.Count - requestsBefore),
                events.Where(e => e.Type == TurnEventTypes.ModelRequest).Select(e => e.Attempt!.Value));
            Assert.Equal(
                result.NewItems.OfType<ToolCallItem>().Select(c => (c.Agent, c.CallId, c.Name, c.Arguments.GetRawText())),
                events.Where(e => e.Type == TurnEventTypes.ToolCall).Select(e => (e.Agent, e.CallId!, e.Name!, e.Arguments!)));
            Assert.Equal(
                result.NewItems.OfType<ToolResultItem>().Select(r => (r.Agent, r.CallId, r.Name, r.Result)),
                events.Where(e => e.Type == TurnEventTypes.ToolResult).Select(e => (e.Agent, e.CallId!, e.Name!, e.Result!)));
            Assert.Equal(
                result.NewItems.OfType<HandoffItem>().Select(h => (h.From, h.To)),
                events.Where(e => e.Type == TurnEventTypes.Handoff).Select(e => (e.Agent, e.To!)));
            Assert.Equal(result.Reply, sink.Deltas);
            Assert.Equal(TurnReply.Of(result.NewItems), result.Reply);
            Assert.Equal(result.Reply, Assert.IsType<MessageItem>(result.NewItems[^1]).Content);
            Assert.All(events.Where(e => e.Type == TurnEventTypes.TextDelta), d => Assert.Equal(result.ActiveAgent, d.Agent));
        }
    }

    [Fact]
    public async Task A_failing_tool_and_a_call_the_connector_refuses_are_reported_as_they_are_stored()
    {
        var fail = KernelFunctionFactory.CreateFromMethod(string () => throw new InvalidOperationException("boom"), "fail", "Fails.");
        var catalog = new AgentCatalog<AirlineContext>("Clerk", [new() { Name = "Clerk", Instructions = _ => "Clerk.", Tools = [fail] }]);
        using var harness = new ScriptedHarness(
            model: new CannedChatModelHandler(
                CannedChatModelHandler.Calls(null, ("c1", "fail", "{}")),
                CannedChatModelHandler.Calls(null, ("c2", "no_such_tool", """{"x":1}""")),
                CannedChatModelHandler.Text("Sorry.")),
            catalog: catalog);
        var sink = new RecordingTurnEventSink();

        var result = await harness.Runner.RunTurnAsync(
            new AgentTurnRequest<AirlineContext>([], "Clerk", new AirlineContext()) { UserMessage = "go", Events = sink });

        Assert.Equal(
            [
                "model.request 1 Clerk",
                "tool.call fail",
                "tool.result fail",
                "model.request 2 Clerk",
                "tool.call no_such_tool",
                "tool.result no_such_tool",
                "model.request 3 Clerk",
                TurnEventTypes.TextDelta,
            ],
            sink.Outline());
        Assert.Equal(
            result.NewItems.OfType<ToolResultItem>().Select(r => (r.CallId, r.Result)),
            sink.Events.Where(e => e.Type == TurnEventTypes.ToolResult).Select(e => (e.CallId!, e.Result!)));
        Assert.Contains("boom", sink.Events.Single(e => e.CallId == "c1" && e.Type == TurnEventTypes.ToolResult).Result, StringComparison.Ordinal);
        Assert.Equal("""{"x":1}""", sink.Events.Single(e => e.CallId == "c2" && e.Type == TurnEventTypes.ToolCall).Arguments);
        Assert.Equal("Sorry.", sink.Deltas);
    }
}
