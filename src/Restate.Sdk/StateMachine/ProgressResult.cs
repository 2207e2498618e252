namespace Restate.Sdk.StateMachine;

/// <summary>What the SDK must do next for an await, as decided by <c>DoProgress</c>.</summary>
internal readonly record struct ProgressResult(ProgressKind Kind, int RunHandle = 0)
{
    public static ProgressResult AnyCompleted { get; } = new(ProgressKind.AnyCompleted);

    public static ProgressResult ReadFromInput { get; } = new(ProgressKind.ReadFromInput);

    public static ProgressResult WaitPendingRun { get; } = new(ProgressKind.WaitPendingRun);

    public static ProgressResult Suspended { get; } = new(ProgressKind.Suspended);

    public static ProgressResult CancelSignalReceived { get; } = new(ProgressKind.CancelSignalReceived);

    public static ProgressResult ExecuteRun(int handle) => new(ProgressKind.ExecuteRun, handle);
}

internal enum ProgressKind
{
    /// <summary>At least one awaited handle has a result: take it.</summary>
    AnyCompleted,

    /// <summary>Wait for more input from the runtime.</summary>
    ReadFromInput,

    /// <summary>Execute the closure of this run, then propose its completion.</summary>
    ExecuteRun,

    /// <summary>Input is closed, but a run closure is still executing: wait for its proposal.</summary>
    WaitPendingRun,

    /// <summary>The invocation suspended; user code must unwind.</summary>
    Suspended,

    /// <summary>The invocation was cancelled: fail the current await with a terminal 409.</summary>
    CancelSignalReceived,
}
