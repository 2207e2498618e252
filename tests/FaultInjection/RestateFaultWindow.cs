namespace SkAgentSession.FaultInjection;

/// <summary>
/// When a Restate fault could cut off an invocation attempt: from the moment it struck until Restate was back. A
/// graceful stop drains for seconds (restate-server 1.7 went on running invocations for 5 s after SIGTERM), so an
/// attempt may make requests well after the fault began and still be cut off by it.
/// </summary>
internal sealed record RestateFaultWindow(DateTimeOffset From, DateTimeOffset Until)
{
    /// <summary>A killed cluster node is not restarted; its partitions move to other nodes within this time.</summary>
    public static readonly TimeSpan NodeFailoverAllowance = TimeSpan.FromSeconds(30);

    public static RestateFaultWindow Of(FaultEvent fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return new(fault.StartedAt, fault.StartedAt + (fault.Downtime > TimeSpan.Zero ? fault.Downtime : NodeFailoverAllowance));
    }

    /// <summary>Whether this fault could have cut off the attempt that made a request at <paramref name="earlier"/> before the one at <paramref name="later"/>.</summary>
    public bool CouldCutOffBetween(DateTimeOffset earlier, DateTimeOffset later) => earlier < Until && later > From;

    /// <summary>
    /// Whether this fault could have held back, until <paramref name="arrived"/>, events of an execution of a step
    /// journaled at <paramref name="stepJournaledAt"/>: the sink retries while Restate is down, so events of an
    /// attempt the fault cut off arrive once it is back.
    /// </summary>
    public bool CouldHoldBack(DateTimeOffset stepJournaledAt, DateTimeOffset arrived) => Until > stepJournaledAt && From < arrived;
}
