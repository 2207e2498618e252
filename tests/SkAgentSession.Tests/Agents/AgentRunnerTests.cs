using SkAgentSession.Agents;
using SkAgentSession.Airline;
using SkAgentSession.Tests.Support;

namespace SkAgentSession.Tests.Agents;

public sealed class AgentRunnerTests
{
    [Fact]
    public async Task Same_inputs_give_the_same_turns()
    {
        string[] turns = ["How much baggage can I bring?", "I want to change my seat", "ABC123", "7B"];

        async Task<(string Items, string Context, string[] Requests)> RunAsync()
        {
            using var harness = new ScriptedHarness();
            var session = new SessionDriver(harness);
            foreach (var turn in turns)
            {
                await session.SendAsync(turn);
            }

            return (SessionItemJson.Serialize(session.Items), System.Text.Json.JsonSerializer.Serialize(session.Context), [.. harness.Recorder.Bodies]);
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first.Items, second.Items);
        Assert.Equal(first.Context, second.Context);
        Assert.Equal(first.Requests, second.Requests);
        Assert.Contains("\"seatNumber\":\"7B\"", first.Context, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runner_creates_the_user_item_when_given_the_message()
    {
        using var harness = new ScriptedHarness();

        var result = await harness.Runner.RunTurnAsync([], AirlineAgentNames.Triage, new AirlineContext(), "Is there wifi?");

        var user = Assert.IsType<MessageItem>(result.NewItems[0]);
        Assert.Equal((SessionItemRole.User, AirlineAgentNames.Triage, "Is there wifi?"), (user.Role, user.Agent, user.Content));
        Assert.Equal(ScriptedHarness.Start, user.Timestamp);
        Assert.Equal(AirlineTools.WifiAnswer, result.Reply);
    }

    [Fact]
    public async Task Runner_returns_only_the_items_it_produced_when_the_history_holds_the_user_item()
    {
        using var harness = new ScriptedHarness();
        var history = new List<SessionItem> { MessageItem.FromUser(AirlineAgentNames.Triage, "hello", ScriptedHarness.Start) };

        var result = await harness.Runner.RunTurnAsync(history, AirlineAgentNames.Triage, new AirlineContext());

        var reply = Assert.IsType<MessageItem>(Assert.Single(result.NewItems));
        Assert.Equal(SessionItemRole.Assistant, reply.Role);
        Assert.Single(history);
    }

    [Fact]
    public async Task The_callers_context_is_not_modified()
    {
        using var harness = new ScriptedHarness();
        var context = new AirlineContext { PassengerName = "Ada" };
        var history = new List<SessionItem> { MessageItem.FromUser(AirlineAgentNames.Triage, "Change my seat to 2A, confirmation QWE456", ScriptedHarness.Start) };

        var result = await harness.Runner.RunTurnAsync(history, AirlineAgentNames.Triage, context);

        Assert.Equal(("Ada", "2A", "QWE456"), (result.Context.PassengerName, result.Context.SeatNumber, result.Context.ConfirmationNumber));
        Assert.NotSame(context, result.Context);
        Assert.Null(context.SeatNumber);
        Assert.Null(context.FlightNumber);
    }

    [Fact]
    public async Task A_turn_needs_a_user_message_to_answer()
    {
        using var harness = new ScriptedHarness();
        var answered = new List<SessionItem>
        {
            MessageItem.FromUser(AirlineAgentNames.Triage, "hello", ScriptedHarness.Start),
            MessageItem.FromAssistant(AirlineAgentNames.Triage, "Hi!", ScriptedHarness.Start),
        };

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Runner.RunTurnAsync([], AirlineAgentNames.Triage, new AirlineContext()));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Runner.RunTurnAsync(answered, AirlineAgentNames.Triage, new AirlineContext()));
        Assert.Empty(harness.Recorder.Bodies);
    }

    [Fact]
    public async Task Unknown_agent_is_a_clear_error()
    {
        using var harness = new ScriptedHarness();

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => harness.Runner.RunTurnAsync([], "Pilot Agent", new AirlineContext(), "hi"));

        Assert.Contains("Unknown agent 'Pilot Agent'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    public async Task A_turn_that_needs_more_model_requests_than_allowed_stops_with_a_clear_error(int max)
    {
        // The FAQ flow needs three requests: triage hands off, FAQ calls its tool, FAQ answers.
        using var harness = new ScriptedHarness(maxModelRequests: max);

        var error = await Assert.ThrowsAsync<AgentStepLimitExceededException>(
            () => harness.Runner.RunTurnAsync([], AirlineAgentNames.Triage, new AirlineContext(), "How much baggage can I bring?"));

        Assert.Equal(max, error.MaxModelRequests);
        Assert.Equal(max, harness.Recorder.Bodies.Count);
        Assert.Contains($"{max} model requests", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_turn_within_the_request_budget_completes()
    {
        using var harness = new ScriptedHarness(maxModelRequests: 3);

        var result = await harness.Runner.RunTurnAsync([], AirlineAgentNames.Triage, new AirlineContext(), "How much baggage can I bring?");

        Assert.Equal(AirlineTools.BaggageAnswer, result.Reply);
    }

    [Fact]
    public async Task Cancellation_is_not_reported_as_a_model_failure()
    {
        using var harness = new ScriptedHarness();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => harness.Runner.RunTurnAsync([], AirlineAgentNames.Triage, new AirlineContext(), "hello #model-slow:10000", cancel.Token));
    }

    [Fact]
    public async Task A_turn_result_survives_a_json_journal_round_trip()
    {
        using var harness = new ScriptedHarness();
        var result = await harness.Runner.RunTurnAsync([], AirlineAgentNames.Triage, new AirlineContext(), "Change my seat to 4D, confirmation ZZZ999");
        var web = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);

        var json = System.Text.Json.JsonSerializer.Serialize(result, web);
        var back = System.Text.Json.JsonSerializer.Deserialize<AgentTurnResult<AirlineContext>>(json, web)!;

        Assert.Equal(SessionItemJson.Serialize(result.NewItems), SessionItemJson.Serialize(back.NewItems));
        Assert.Equal((result.ActiveAgent, result.Reply), (back.ActiveAgent, back.Reply));
        Assert.Equal(("4D", "ZZZ999", result.Context.FlightNumber), (back.Context.SeatNumber, back.Context.ConfirmationNumber, back.Context.FlightNumber));
        Assert.Contains("\"newItems\":[{\"type\":\"message\"", json, StringComparison.Ordinal);
    }
}
