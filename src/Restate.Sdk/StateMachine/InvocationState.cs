namespace Restate.Sdk.StateMachine;

/// <summary>The life cycle of one invocation attempt, as seen by the state machine.</summary>
internal enum InvocationState
{
    /// <summary>Nothing received yet; the next message must be <c>StartMessage</c>.</summary>
    WaitingStart,

    /// <summary>Start received; collecting the <c>known_entries</c> journal entries that follow it.</summary>
    WaitingReplayEntries,

    /// <summary>User code runs and re-issues journaled commands, which are compared, not sent.</summary>
    Replaying,

    /// <summary>The journal is replayed; new commands are written to the output.</summary>
    Processing,

    /// <summary>Ended, suspended, failed or aborted; see <see cref="ClosedReason"/>.</summary>
    Closed,
}
