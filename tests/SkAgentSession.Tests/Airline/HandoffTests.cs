using SkAgentSession.Agents;
using SkAgentSession.Airline;
using SkAgentSession.Tests.Support;

namespace SkAgentSession.Tests.Airline;

public sealed class HandoffTests
{
    [Fact]
    public async Task Faq_agent_hands_a_seat_change_back_to_triage_which_hands_it_to_seat_booking()
    {
        using var harness = new ScriptedHarness();
        var session = new SessionDriver(harness);
        await session.SendAsync("How much baggage can I bring?");
        Assert.Equal(AirlineAgentNames.Faq, session.Agent);

        var result = await session.SendAsync("Thanks. Now I'd like to switch seats.");

        var handoffs = result.NewItems.OfType<HandoffItem>().Select(h => (h.Agent, h.From, h.To)).ToArray();
        Assert.Equal(
            [
                (AirlineAgentNames.Faq, AirlineAgentNames.Faq, AirlineAgentNames.Triage),
                (AirlineAgentNames.Triage, AirlineAgentNames.Triage, AirlineAgentNames.SeatBooking),
            ],
            handoffs);
        Assert.Equal(AirlineAgentNames.SeatBooking, result.ActiveAgent);
        Assert.Equal(AirlineAgentNames.SeatBooking, result.NewItems[^1].Agent);
    }

    [Fact]
    public async Task Seat_booking_hands_an_faq_question_back_through_triage_to_the_faq_agent()
    {
        using var harness = new ScriptedHarness();
        var session = new SessionDriver(harness);
        await session.SendAsync("I want to change my seat");

        var result = await session.SendAsync("Wait, is there wifi on the flight?");

        Assert.Equal(
            [AirlineAgentNames.Triage, AirlineAgentNames.Faq],
            result.NewItems.OfType<HandoffItem>().Select(h => h.To));
        Assert.Equal(AirlineAgentNames.Faq, result.ActiveAgent);
        Assert.Equal(AirlineTools.WifiAnswer, result.Reply);
    }

    [Fact]
    public async Task Out_of_scope_message_goes_back_to_triage_which_answers_itself()
    {
        using var harness = new ScriptedHarness();
        var session = new SessionDriver(harness);
        await session.SendAsync("Is there wifi?");

        var result = await session.SendAsync("hello there");

        var handoff = Assert.Single(result.NewItems.OfType<HandoffItem>());
        Assert.Equal((AirlineAgentNames.Faq, AirlineAgentNames.Triage), (handoff.From, handoff.To));
        Assert.Equal(AirlineAgentNames.Triage, result.ActiveAgent);
        Assert.Contains("scripted demo model", result.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_turn_starts_with_the_agent_the_caller_passes()
    {
        using var harness = new ScriptedHarness();
        var history = new List<SessionItem> { MessageItem.FromUser(AirlineAgentNames.SeatBooking, "ABC123", harness.Time.GetUtcNow()) };

        var result = await harness.Runner.RunTurnAsync(history, AirlineAgentNames.SeatBooking, new AirlineContext { FlightNumber = "FLT-100" });

        var request = Assert.Single(harness.Recorder.Bodies);
        Assert.Contains("You are the seat booking agent", RequestBody.SystemPrompt(request), StringComparison.Ordinal);
        Assert.Equal(["update_seat", "transfer_to_triage_agent"], RequestBody.ToolNames(request));
        Assert.Equal(AirlineAgentNames.SeatBooking, result.ActiveAgent);
        Assert.Single(result.NewItems);
    }
}
