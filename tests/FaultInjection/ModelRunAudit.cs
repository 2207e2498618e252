using System.Text.Json;

namespace SkAgentSession.FaultInjection;

/// <summary>
/// Counts the model requests of each answered turn and decides whether the turn was recomputed after its step's
/// result existed. The rule:
/// <list type="number">
/// <item>The turn's requests are the call-log lines whose last user message is the turn's message (unique in the run).</item>
/// <item>R is the timestamp of the turn's reply, the last item of the turn. The app stamps it inside the execution of
/// the <c>agent turn</c> step whose result was stored, after that execution's last model response, with the same
/// system clock the call log uses. So every request of the stored execution is logged before R, and R is before the
/// result was stored (which is before the client's 200).</item>
/// <item>A request logged after R belongs to an execution of the step that ran after the stored result had been
/// computed: a replay that ran the step again instead of taking its result from the journal, or an abandoned
/// attempt that kept calling the model. Either is a recomputation; the turn counts as recomputed if it has one.</item>
/// <item>One execution needs 1 + (handoffs + tool calls of the turn) requests: the scripted model answers with at
/// most one call per response. Requests before R beyond that come from executions cut off before their result was
/// stored: allowed, and counted. Fewer than that means the log misses requests of the stored execution, so this
/// check cannot vouch for the turn: counted as "unaccounted", which fails the run too.</item>
/// </list>
/// </summary>
internal static class ModelRunAudit
{
    public static TurnModelRuns Check(TurnRecord turn, IEnumerable<ModelCall> calls)
    {
        var items = turn.Items!.Value.EnumerateArray().ToList();
        var reply = items[^1].GetProperty("timestamp").GetDateTimeOffset();
        var requests = calls.ToList();
        var oneExecution = 1 + items.Count(item => item.GetProperty("type").GetString() is "handoff" or "tool_call");
        return new TurnModelRuns(requests.Count, oneExecution, requests.Count(c => c.Timestamp > reply));
    }
}
