using System.Text.Json;

namespace SkAgentSession.FaultInjection;

/// <summary>
/// The durable steps a turn must have in the journal, derived from the items its answer listed. Turn mode: one
/// <c>agent turn</c>. Step mode: <c>model request 1</c>, then for each handoff or tool call its step and the next
/// model request (the scripted model answers with at most one call per response). Approvals are off in these runs,
/// so there are no <c>agent turn (after approval)</c> steps.
/// </summary>
internal static class ExpectedTurnSteps
{
    public static IReadOnlyList<string> From(IReadOnlyList<JsonElement> items, DurabilityMode mode)
    {
        if (mode == DurabilityMode.Turn)
        {
            return [DurableStepNames.AgentTurn];
        }

        var requests = 1;
        var steps = new List<string> { DurableStepNames.ModelRequest(requests) };
        foreach (var item in items)
        {
            var call = item.GetProperty("type").GetString() switch
            {
                "handoff" => DurableStepNames.Handoff(item.GetProperty("callId").GetString()!),
                "tool_call" => DurableStepNames.Tool(item.GetProperty("name").GetString()!, item.GetProperty("callId").GetString()!),
                _ => null,
            };
            if (call is not null)
            {
                steps.Add(call);
                steps.Add(DurableStepNames.ModelRequest(++requests));
            }
        }

        return steps;
    }

    /// <summary>Model requests one execution of the turn's agent loop makes: one, plus one after each handoff or tool call.</summary>
    public static int RequestsPerTurnExecution(IReadOnlyList<JsonElement> items) =>
        1 + items.Count(item => item.GetProperty("type").GetString() is "handoff" or "tool_call");
}
