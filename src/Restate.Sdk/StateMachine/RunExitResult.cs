namespace Restate.Sdk.StateMachine;

/// <summary>How a run closure ended: a value, a terminal failure, or a retryable failure.</summary>
internal sealed record RunExitResult
{
    private RunExitResult()
    {
    }

    public ReadOnlyMemory<byte> Value { get; private init; }

    public TerminalFailure? TerminalFailure { get; private init; }

    /// <summary>Set for a retryable failure: the error and how long the attempt took.</summary>
    public InvocationError? RetryableError { get; private init; }

    public TimeSpan AttemptDuration { get; private init; }

    public static RunExitResult Success(ReadOnlyMemory<byte> value) => new() { Value = value };

    public static RunExitResult Terminal(TerminalFailure failure) => new() { TerminalFailure = failure };

    public static RunExitResult Retryable(InvocationError error, TimeSpan attemptDuration) =>
        new() { RetryableError = error, AttemptDuration = attemptDuration };
}
