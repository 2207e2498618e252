namespace Restate.Sdk.StateMachine;

/// <summary>What the SDK must do next for the handles it waits on, as decided by <c>DoProgress</c>.</summary>
internal readonly record struct ProgressResult(ProgressKind Kind, int Handle = 0)
{
    public static ProgressResult ReadFromInput { get; } = new(ProgressKind.ReadFromInput);

    public static ProgressResult WaitPendingRun { get; } = new(ProgressKind.WaitPendingRun);

    public static ProgressResult Suspended { get; } = new(ProgressKind.Suspended);

    public static ProgressResult CancelSignalReceived { get; } = new(ProgressKind.CancelSignalReceived);

    public static ProgressResult Completed(int handle) => new(ProgressKind.Completed, handle);

    public static ProgressResult ExecuteRun(int handle) => new(ProgressKind.ExecuteRun, handle);
}

internal enum ProgressKind
{
    /// <summary>The handle in <see cref="ProgressResult.Handle"/> has its result: take it.</summary>
    Completed,

    /// <summary>Wait for more input from the runtime.</summary>
    ReadFromInput,

    /// <summary>Execute the closure of the run in <see cref="ProgressResult.Handle"/>, then propose its completion.</summary>
    ExecuteRun,

    /// <summary>Input is closed, but a run closure is still executing: wait for its proposal.</summary>
    WaitPendingRun,

    /// <summary>The invocation suspended: the attempt is over.</summary>
    Suspended,

    /// <summary>The invocation was cancelled: fail what user code waits on with a terminal 409.</summary>
    CancelSignalReceived,
}
