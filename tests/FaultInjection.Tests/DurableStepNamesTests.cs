namespace SkAgentSession.FaultInjection.Tests;

public sealed class DurableStepNamesTests
{
    [Theory]
    [InlineData("agent turn", nameof(DurableStepKind.AgentTurn))]
    [InlineData("agent turn (after approval)", nameof(DurableStepKind.AgentTurn))]
    [InlineData("model request 1", nameof(DurableStepKind.ModelRequest))]
    [InlineData("model request 12", nameof(DurableStepKind.ModelRequest))]
    [InlineData("tool faq_lookup call_2", nameof(DurableStepKind.Tool))]
    [InlineData("handoff call_1", nameof(DurableStepKind.Handoff))]
    [InlineData("now", nameof(DurableStepKind.Other))]
    [InlineData("model request 0", nameof(DurableStepKind.Other))]
    [InlineData("model request x", nameof(DurableStepKind.Other))]
    [InlineData("tool faq_lookup", nameof(DurableStepKind.Other))]
    public void A_journal_name_is_read_as_the_contract_names_it(string name, string kind) =>
        Assert.Equal(kind, DurableStepNames.KindOf(name).ToString());
}
