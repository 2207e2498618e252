using SkAgentSession.Agents;
using SkAgentSession.Airline;
using SkAgentSession.Tests.Support;

namespace SkAgentSession.Tests.Airline;

public sealed class SeatBookingFlowTests
{
    [Fact]
    public async Task Seat_change_over_three_turns_asks_for_details_then_updates_the_seat()
    {
        using var harness = new ScriptedHarness();
        var session = new SessionDriver(harness);

        var first = await session.SendAsync("Can I change my seat?");
        var handoff = Assert.IsType<HandoffItem>(first.NewItems[0]);
        Assert.Equal((AirlineAgentNames.Triage, AirlineAgentNames.SeatBooking), (handoff.From, handoff.To));
        Assert.Equal(AirlineAgentNames.SeatBooking, first.ActiveAgent);
        Assert.Contains("confirmation number", first.Reply, StringComparison.Ordinal);
        Assert.Contains("which seat", first.Reply, StringComparison.Ordinal);
        Assert.Matches("^FLT-[1-9][0-9]{2}$", first.Context.FlightNumber);
        var flight = first.Context.FlightNumber;

        var second = await session.SendAsync("My confirmation number is ABC123.");
        Assert.Equal(AirlineAgentNames.SeatBooking, second.ActiveAgent);
        Assert.Equal("Thanks. Which seat would you like? For example 12A.", second.Reply);
        Assert.Null(second.Context.SeatNumber);

        var third = await session.SendAsync("12A please");
        var call = Assert.IsType<ToolCallItem>(third.NewItems[0]);
        Assert.Equal(("update_seat", AirlineAgentNames.SeatBooking), (call.Name, call.Agent));
        Assert.Equal("ABC123", call.Arguments.GetProperty("confirmation_number").GetString());
        Assert.Equal("12A", call.Arguments.GetProperty("new_seat").GetString());
        var toolResult = Assert.IsType<ToolResultItem>(third.NewItems[1]);
        Assert.Equal($"Updated seat to 12A for confirmation number ABC123 on flight {flight}.", toolResult.Result);
        var reply = Assert.IsType<MessageItem>(third.NewItems[2]);
        Assert.StartsWith("Done! Updated seat to 12A", reply.Content, StringComparison.Ordinal);
        Assert.Equal(3, third.NewItems.Count);

        Assert.Equal("ABC123", third.Context.ConfirmationNumber);
        Assert.Equal("12A", third.Context.SeatNumber);
        Assert.Equal(flight, third.Context.FlightNumber);
    }

    [Fact]
    public async Task All_details_in_one_message_update_the_seat_in_the_same_turn()
    {
        using var harness = new ScriptedHarness();
        var session = new SessionDriver(harness);

        var result = await session.SendAsync("Please change my seat to 14C, confirmation XYZ789");

        Assert.Equal(
            ["handoff", "tool_call", "tool_result", "message"],
            result.NewItems.Select(i => i switch { HandoffItem => "handoff", ToolCallItem => "tool_call", ToolResultItem => "tool_result", _ => "message" }));
        Assert.Equal("14C", result.Context.SeatNumber);
        Assert.Equal("XYZ789", result.Context.ConfirmationNumber);
    }

    [Fact]
    public async Task The_seat_booking_prompt_shows_the_context_as_it_changes()
    {
        using var harness = new ScriptedHarness();
        var session = new SessionDriver(harness);
        await session.SendAsync("I want to change my seat");
        harness.Recorder.Clear();

        var result = await session.SendAsync("ABC123, seat 3F");

        var afterUpdate = RequestBody.SystemPrompt(harness.Recorder.Bodies.Last());
        Assert.Contains($"flight {result.Context.FlightNumber}, confirmation number ABC123, seat 3F.", afterUpdate, StringComparison.Ordinal);
        var beforeUpdate = RequestBody.SystemPrompt(harness.Recorder.Bodies.First());
        Assert.Contains("confirmation number unknown, seat unknown.", beforeUpdate, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flight_number_comes_from_the_turn_seed()
    {
        async Task<string?> FlightNumberFor(int seed)
        {
            using var harness = new ScriptedHarness();
            var history = new List<SessionItem> { MessageItem.FromUser(AirlineAgentNames.Triage, "Change my seat please", harness.Time.GetUtcNow()) };
            var result = await harness.Runner.RunTurnAsync(
                new AgentTurnRequest<AirlineContext>(history, AirlineAgentNames.Triage, new AirlineContext()) { RandomSeed = seed });
            return result.Context.FlightNumber;
        }

        var first = await FlightNumberFor(42);
        Assert.Matches("^FLT-[1-9][0-9]{2}$", first);
        Assert.Equal(first, await FlightNumberFor(42));
        Assert.NotEqual(first, await FlightNumberFor(43));
    }

    [Fact]
    public async Task An_assigned_flight_number_is_kept_on_a_later_handoff()
    {
        using var harness = new ScriptedHarness();
        var history = new List<SessionItem> { MessageItem.FromUser(AirlineAgentNames.Triage, "Change my seat please", harness.Time.GetUtcNow()) };

        var result = await harness.Runner.RunTurnAsync(history, AirlineAgentNames.Triage, new AirlineContext { FlightNumber = "FLT-007" });

        Assert.Equal("FLT-007", result.Context.FlightNumber);
    }
}
