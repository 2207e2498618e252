using System.Text.Json;

namespace SkAgentSession.FaultInjection;

/// <summary>
/// Decides from Restate's journal whether an answered turn's durable steps ran again after their result was stored.
/// The principle: a step whose result is in the journal never runs again; a step may repeat (model request, tool
/// side effect) only while its result is not stored yet, i.e. when an earlier execution was cut off before the store.
/// <list type="number">
/// <item>The journal (see <see cref="TurnJournalQuery"/>) must hold exactly the steps the turn's items call for
/// (<see cref="ExpectedTurnSteps"/>), in that order, each with its result stored; otherwise a journal mismatch.</item>
/// <item>The steps run one after another: a step starts only once the previous one's result is stored (the SDK goes
/// on only when Restate's notification arrives). So a model request at time t belongs to the first step, in journal
/// order, whose result was not certainly stored at t (<see cref="JournalStep.WasStoredAt"/>). The call log and
/// <c>appended_at</c> read the same machine clock.</item>
/// <item>If that step makes model requests (<c>agent turn</c>, <c>model request {n}</c>) the request is one of its
/// executions, before its result was stored: allowed. If it is a tool or handoff step (which make no model requests),
/// or if every step was already stored, a model step whose result was in the journal ran again: recomputed. One
/// exception for the clock's millisecond: a request in the millisecond in which a tool or handoff step was stored is
/// given to the model request that follows it.</item>
/// <item>One execution of <c>model request {n}</c> is one request; one of <c>agent turn</c> is one plus one per
/// handoff and tool call of the turn. More are repeats (counted, allowed); fewer mean the log lacks requests and the
/// audit cannot vouch for the step (unaccounted, which fails the run).</item>
/// <item>A repeat needs something that cut the earlier execution off: the process died (the next one has another
/// process id) or a Restate fault (<see cref="RestateFaultWindow"/>). Two requests of one <c>model request {n}</c> step
/// from one process, one after the other with no Restate fault that could have struck between them, are counted as
/// repeated in one attempt, which fails the run: that is also what a stored step run again during a replay looks
/// like.</item>
/// <item>Tool executions (see <see cref="ToolExecutionQuery"/>) belong to their step by call id (in turn mode to the
/// <c>agent turn</c> step). One whose result reached the event log after that step's result was stored is a
/// recomputation (a step stores its events before it returns), unless a Restate fault between the step's start and
/// that moment could have held its events back (<see cref="RestateFaultWindow.CouldHoldBack"/>): then it counts as
/// an execution cut off by the fault. More than one execution not after the store are repeats. A tool call of the turn's items with no execution seen leaves the turn
/// unaccounted.</item>
/// </list>
/// </summary>
internal static class StepRunAudit
{
    public static TurnStepRuns Check(
        TurnRecord turn,
        DurabilityMode mode,
        TurnJournal? journal,
        IEnumerable<ModelCall> calls,
        IReadOnlyList<RestateFaultWindow> restateFaults,
        IEnumerable<ToolExecution>? toolExecutions = null)
    {
        var runs = new TurnStepRuns();
        var items = turn.Items!.Value.EnumerateArray().ToList();
        var requests = calls.OrderBy(c => c.Timestamp).ToList();
        runs.ModelRequests = requests.Count;
        if (journal is null)
        {
            runs.JournalMismatches++;
            runs.Note("no journal found for the turn's invocation");
            return runs;
        }

        var steps = journal.ContractSteps;
        CheckStepsMatchItems(steps, ExpectedTurnSteps.From(items, mode), runs);
        var byStep = AttributeRequests(steps, requests, runs);
        foreach (var step in steps.Where(s => DurableStepNames.RequestsTheModel(s.Kind)))
        {
            var perExecution = step.Kind == DurableStepKind.ModelRequest ? 1 : ExpectedTurnSteps.RequestsPerTurnExecution(items);
            var own = byStep.GetValueOrDefault(step) ?? [];
            if (own.Count < perExecution)
            {
                runs.UnaccountedSteps++;
                runs.Note($"'{step.Name}': {own.Count} model request(s) in the log, one execution makes {perExecution}");
            }

            runs.ModelRequestsRepeated += Math.Max(0, own.Count - perExecution);
            if (perExecution == 1)
            {
                var inOneAttempt = own
                    .GroupBy(c => c.ProcessId)
                    .Sum(process => process.Zip(process.Skip(1)).Count(pair => !restateFaults.Any(f => f.CouldCutOffBetween(pair.First.Timestamp, pair.Second.Timestamp))));
                if (inOneAttempt > 0)
                {
                    runs.ModelRequestsRepeatedInOneAttempt += inOneAttempt;
                    runs.Note($"'{step.Name}' was requested {own.Count} times, {inOneAttempt} of them again by the same process with no Restate fault between");
                }
            }
        }

        if (toolExecutions is not null)
        {
            CheckToolExecutions(steps, items, toolExecutions, restateFaults, runs);
        }

        return runs;
    }

    private static void CheckStepsMatchItems(IReadOnlyList<JournalStep> steps, IReadOnlyList<string> expected, TurnStepRuns runs)
    {
        var names = steps.Select(s => s.Name).ToList();
        if (!names.SequenceEqual(expected))
        {
            runs.JournalMismatches++;
            runs.Note($"journal steps [{string.Join(", ", names)}], its items call for [{string.Join(", ", expected)}]");
        }

        foreach (var step in steps.Where(s => s.StoredAt is null || s.StoredAsFailure))
        {
            runs.JournalMismatches++;
            runs.Note(step.StoredAt is null ? $"'{step.Name}' has no stored result" : $"'{step.Name}' stored a failure");
        }
    }

    /// <summary>Gives each request to the step under way when it was made; requests that belong to no model step are counted as made after their store.</summary>
    private static Dictionary<JournalStep, List<ModelCall>> AttributeRequests(IReadOnlyList<JournalStep> steps, List<ModelCall> requests, TurnStepRuns runs)
    {
        var byStep = new Dictionary<JournalStep, List<ModelCall>>();
        foreach (var request in requests)
        {
            var index = FirstNotStoredAt(steps, request.Timestamp);
            if (index >= 0 && !DurableStepNames.RequestsTheModel(steps[index].Kind)
                && steps[index].StoredAt is { } stored && request.Timestamp >= stored
                && index + 1 < steps.Count && DurableStepNames.RequestsTheModel(steps[index + 1].Kind))
            {
                // Made in the millisecond the tool or handoff step was stored: the next model request, not a recomputation.
                index++;
            }

            if (index < 0 || !DurableStepNames.RequestsTheModel(steps[index].Kind))
            {
                runs.ModelRequestsAfterStore++;
                var under = index < 0 ? "after every step of the turn was stored" : $"while '{steps[index].Name}' was under way";
                runs.Note($"a model request at {request.Timestamp:HH:mm:ss.fff} (process {request.ProcessId}) came {under}: a stored model step ran again");
                continue;
            }

            if (!byStep.TryGetValue(steps[index], out var own))
            {
                byStep[steps[index]] = own = [];
            }

            own.Add(request);
        }

        return byStep;
    }

    private static int FirstNotStoredAt(IReadOnlyList<JournalStep> steps, DateTimeOffset time)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (!steps[i].WasStoredAt(time))
            {
                return i;
            }
        }

        return -1;
    }

    private static void CheckToolExecutions(
        IReadOnlyList<JournalStep> steps,
        IReadOnlyList<JsonElement> items,
        IEnumerable<ToolExecution> executions,
        IReadOnlyList<RestateFaultWindow> restateFaults,
        TurnStepRuns runs)
    {
        var seen = executions.ToList();
        foreach (var call in items.Where(i => i.GetProperty("type").GetString() == "tool_call").Select(i => i.GetProperty("callId").GetString()!))
        {
            if (!seen.Any(e => e.CallId == call))
            {
                runs.UnaccountedSteps++;
                runs.Note($"tool call {call}: no execution in the event log, though the stored one sends its result before the step returns");
            }
        }

        foreach (var call in seen.GroupBy(e => DurableStepNames.Tool(e.Name, e.CallId), StringComparer.Ordinal))
        {
            // In turn mode the tools run inside the agent turn step.
            var step = steps.FirstOrDefault(s => s.Name == call.Key) ?? steps.FirstOrDefault(s => s.Kind == DurableStepKind.AgentTurn);
            var all = call.OrderBy(e => e.SeenAt).ToList();
            runs.ToolCalls += all.Count;
            var late = step is null ? [] : all.Where(e => step.WasStoredAt(e.SeenAt)).ToList();

            // Events of an execution cut off by a Restate fault wait in its sink until Restate is back, and may reach
            // the log after a later execution was stored: late, but not proof of a run after the store.
            var heldBack = late.Where(e => restateFaults.Any(f => f.CouldHoldBack(step!.JournaledAt, e.SeenAt))).ToList();
            var after = late.Except(heldBack).ToList();
            runs.ToolCallsAfterStore += after.Count;
            runs.ToolCallsSeenLateAfterRestateFault += heldBack.Count;
            runs.ToolCallsRepeated += Math.Max(0, all.Count - after.Count - 1);
            foreach (var again in after)
            {
                runs.Note($"'{call.Key}' ran again (attempt {again.AttemptId}, result in the event log at {again.SeenAt:HH:mm:ss.fff}) after its step's result was stored");
            }
        }
    }
}
