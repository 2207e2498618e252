namespace SkAgentSession.FaultInjection.Tests;

public sealed class ExpectedTurnStepsTests
{
    private static readonly System.Text.Json.JsonElement[] Faq = TurnSamples.FaqTurnItems("How much baggage? (ref 1/1)", "One bag.", TurnSamples.Start);

    [Fact]
    public void A_turn_mode_turn_is_one_agent_turn_step()
    {
        Assert.Equal(["agent turn"], ExpectedTurnSteps.From(Faq, DurabilityMode.Turn));
        Assert.Equal(3, ExpectedTurnSteps.RequestsPerTurnExecution(Faq));
    }

    [Fact]
    public void A_step_mode_turn_has_a_model_request_around_each_handoff_and_tool_call()
    {
        Assert.Equal(
            ["model request 1", "handoff call_1", "model request 2", "tool faq_lookup call_2", "model request 3"],
            ExpectedTurnSteps.From(Faq, DurabilityMode.Step));
    }

    [Fact]
    public void A_greeting_in_step_mode_is_one_model_request()
    {
        Assert.Equal(["model request 1"], ExpectedTurnSteps.From([Faq[0], Faq[^1]], DurabilityMode.Step));
    }
}
