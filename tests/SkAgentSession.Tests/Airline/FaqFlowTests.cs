using System.Text.Json;
using SkAgentSession.Agents;
using SkAgentSession.Airline;
using SkAgentSession.Tests.Support;

namespace SkAgentSession.Tests.Airline;

public sealed class FaqFlowTests
{
    [Theory]
    [InlineData("How much baggage can I bring?", AirlineTools.BaggageAnswer)]
    [InlineData("How many seats are on the plane?", AirlineTools.SeatsAnswer)]
    [InlineData("Is there wifi on board?", AirlineTools.WifiAnswer)]
    public async Task Triage_hands_an_faq_question_to_the_faq_agent_which_answers_from_its_tool(string question, string answer)
    {
        using var harness = new ScriptedHarness();
        var session = new SessionDriver(harness);

        var result = await session.SendAsync(question);

        Assert.Collection(
            result.NewItems,
            item =>
            {
                var handoff = Assert.IsType<HandoffItem>(item);
                Assert.Equal((AirlineAgentNames.Triage, AirlineAgentNames.Triage, AirlineAgentNames.Faq), (handoff.Agent, handoff.From, handoff.To));
            },
            item =>
            {
                var call = Assert.IsType<ToolCallItem>(item);
                Assert.Equal((AirlineAgentNames.Faq, "faq_lookup"), (call.Agent, call.Name));
                Assert.Equal(question, call.Arguments.GetProperty("question").GetString());
            },
            item =>
            {
                var toolResult = Assert.IsType<ToolResultItem>(item);
                Assert.Equal((AirlineAgentNames.Faq, "faq_lookup", answer), (toolResult.Agent, toolResult.Name, toolResult.Result));
                Assert.Equal(((ToolCallItem)result.NewItems[1]).CallId, toolResult.CallId);
            },
            item =>
            {
                var message = Assert.IsType<MessageItem>(item);
                Assert.Equal((SessionItemRole.Assistant, AirlineAgentNames.Faq, answer), (message.Role, message.Agent, message.Content));
            });
        Assert.Equal(AirlineAgentNames.Faq, result.ActiveAgent);
        Assert.Equal(answer, result.Reply);
        Assert.Equal(3, harness.Counter.CountFor(question));
        Assert.All(result.NewItems, i => Assert.Equal(harness.Time.GetUtcNow(), i.Timestamp));
    }

    [Fact]
    public async Task The_tool_call_and_its_result_are_what_the_model_saw()
    {
        using var harness = new ScriptedHarness();
        var session = new SessionDriver(harness);

        await session.SendAsync("Is there wifi?");

        var lastRequest = harness.Recorder.Bodies.Last();
        using var document = JsonDocument.Parse(lastRequest);
        var messages = document.RootElement.GetProperty("messages").EnumerateArray().ToArray();
        var call = messages[^2].GetProperty("tool_calls")[0];
        Assert.Equal("faq_lookup", call.GetProperty("function").GetProperty("name").GetString());
        Assert.Equal("""{"question":"Is there wifi?"}""", call.GetProperty("function").GetProperty("arguments").GetString());
        Assert.Equal(AirlineTools.WifiAnswer, messages[^1].GetProperty("content").GetString());
        Assert.Equal(call.GetProperty("id").GetString(), messages[^1].GetProperty("tool_call_id").GetString());
    }

    [Fact]
    public async Task Next_question_starts_with_the_faq_agent_and_needs_no_handoff()
    {
        using var harness = new ScriptedHarness();
        var session = new SessionDriver(harness);
        await session.SendAsync("How much baggage can I bring?");
        harness.Recorder.Clear();

        var result = await session.SendAsync("And is there wifi?");

        var firstRequest = harness.Recorder.Bodies.First();
        Assert.Contains("You are the FAQ agent", RequestBody.SystemPrompt(firstRequest), StringComparison.Ordinal);
        Assert.Equal(["faq_lookup", "transfer_to_triage_agent"], RequestBody.ToolNames(firstRequest));
        Assert.DoesNotContain(result.NewItems, i => i is HandoffItem);
        Assert.Equal(AirlineTools.WifiAnswer, result.Reply);
        Assert.Equal(2, harness.Recorder.Bodies.Count);
    }
}
