namespace SkAgentSession.FaultInjection;

/// <summary>What <see cref="StepRunAudit"/> found for one answered turn: how often its steps ran, and whether any ran after its result was stored.</summary>
internal sealed class TurnStepRuns
{
    private const int MaxNotes = 5;
    private readonly List<string> _notes = [];

    /// <summary>The turn's model requests in the call log.</summary>
    public int ModelRequests { get; set; }

    /// <summary>Model requests beyond one execution per step, all made before that step's result was stored (allowed).</summary>
    public int ModelRequestsRepeated { get; set; }

    /// <summary>Model requests made when the step they belong to had its result stored: a recomputation.</summary>
    public int ModelRequestsAfterStore { get; set; }

    /// <summary>
    /// Repeats of a one-request step from the same process with no Restate fault between them: nothing cut the first
    /// one off, so the step ran twice in one attempt (or a stored step ran again and was taken for this one).
    /// </summary>
    public int ModelRequestsRepeatedInOneAttempt { get; set; }

    /// <summary>Tool executions seen in the event log (see <see cref="ToolExecutionQuery"/>).</summary>
    public int ToolCalls { get; set; }

    /// <summary>Tool executions beyond one per tool step, all before that step's result was stored (allowed).</summary>
    public int ToolCallsRepeated { get; set; }

    /// <summary>Tool executions after their step's result was stored: a recomputation.</summary>
    public int ToolCallsAfterStore { get; set; }

    /// <summary>Tool executions whose results reached the log after the store, held back by a Restate fault that cut them off (allowed, counted among the repeats).</summary>
    public int ToolCallsSeenLateAfterRestateFault { get; set; }

    /// <summary>
    /// Model steps with fewer requests in the log than one execution makes, and tool calls with no execution in the
    /// event log: the audit cannot vouch for them.
    /// </summary>
    public int UnaccountedSteps { get; set; }

    /// <summary>The turn's journal is missing, lacks a step its items need, has one they do not, or a step without its stored result.</summary>
    public int JournalMismatches { get; set; }

    public bool Recomputed => ModelRequestsAfterStore + ToolCallsAfterStore > 0;

    public bool RepeatedInOneAttempt => ModelRequestsRepeatedInOneAttempt > 0;

    public IReadOnlyList<string> Notes => _notes;

    public void Note(string problem)
    {
        if (_notes.Count < MaxNotes)
        {
            _notes.Add(problem);
        }
    }
}
