namespace SkAgentSession.FaultInjection;

/// <summary>The model requests of one answered turn, split at its reply's timestamp (see <see cref="ModelRunAudit"/>).</summary>
internal sealed record TurnModelRuns(int Requests, int RequestsPerExecution, int AfterReply)
{
    public int BeforeReply => Requests - AfterReply;

    public bool Recomputed => AfterReply > 0;

    /// <summary>An earlier execution ran (part of) the step and was cut off before its result was stored.</summary>
    public bool RerunBeforeStore => BeforeReply > RequestsPerExecution;

    /// <summary>The log lacks requests of the stored execution: the check cannot vouch for this turn.</summary>
    public bool Unaccounted => BeforeReply < RequestsPerExecution;
}
