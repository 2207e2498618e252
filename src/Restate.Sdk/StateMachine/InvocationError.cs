namespace Restate.Sdk.StateMachine;

/// <summary>A retryable failure of the attempt, written as <c>ErrorMessage</c>.</summary>
internal sealed record InvocationError(
    int Code,
    string Message,
    string Stacktrace = "",
    CommandRef? RelatedCommand = null,
    TimeSpan? NextRetryDelay = null);
