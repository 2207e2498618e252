namespace Restate.Sdk.StateMachine;

/// <summary>Why an invocation attempt is <see cref="InvocationState.Closed"/>.</summary>
internal enum ClosedReason
{
    None,

    /// <summary><c>EndMessage</c> was written after the output.</summary>
    Ended,

    /// <summary><c>SuspensionMessage</c> was written; the runtime resumes the invocation later.</summary>
    Suspended,

    /// <summary><c>ErrorMessage</c> was written; the runtime retries the invocation.</summary>
    Failed,

    /// <summary>The connection broke; nothing more can be written.</summary>
    Aborted,
}
