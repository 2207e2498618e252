using Restate.Sdk;

namespace SkAgentSession.Sessions;

/// <summary>
/// How a failing agent turn is retried. A model that times out, rate-limits (429) or fails (5xx) makes
/// the step throw a retryable error; Restate then retries the step after 1 s, 2 s, 4 s, 8 s and 10 s
/// (six attempts, at most two minutes). After that, or at once for errors a retry cannot fix (such as
/// a rejected API key), the turn ends with a terminal error: the user's message stays in the history,
/// and no part of the failed turn is stored.
/// </summary>
internal static class AgentTurnRetryPolicy
{
    public const int MaxAttempts = 6;

    public static RetryPolicy Value { get; } = new()
    {
        InitialInterval = TimeSpan.FromSeconds(1),
        Factor = 2.0,
        MaxInterval = TimeSpan.FromSeconds(10),
        MaxAttempts = MaxAttempts,
        MaxDuration = TimeSpan.FromMinutes(2),
    };

    /// <summary>The terminal error a caller sees when the turn could not be completed.</summary>
    public static TerminalException DescribeFailure(TerminalException failure) =>
        new(
            $"The agent turn failed and was not stored: {failure.Message}. The message is kept in the history; send a new message to try again.",
            failure.Code is >= 400 and < 600 and not 500 ? failure.Code : 502);
}
