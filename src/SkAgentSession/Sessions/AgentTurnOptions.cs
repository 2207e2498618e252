using Restate.Sdk;

namespace SkAgentSession.Sessions;

/// <summary>
/// How a failing agent turn is retried (configuration section <c>SkAgentSession:AgentTurn</c>).
/// A model that times out, rate-limits (429) or fails (5xx) makes the durable step throw a retryable
/// error, and the step is retried after 1 s, 2 s, 4 s, 8 s and 10 s by default (six attempts within
/// two minutes). After that, or at once for errors a retry cannot fix (such as a rejected API key),
/// the turn ends with a terminal error: the user's message stays in the history, and nothing of the
/// failed turn is stored.
/// </summary>
public sealed class AgentTurnOptions
{
    public const string SectionName = "SkAgentSession:AgentTurn";

    public TimeSpan InitialRetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryInterval { get; set; } = TimeSpan.FromSeconds(10);

    public int MaxAttempts { get; set; } = 6;

    public TimeSpan MaxRetryDuration { get; set; } = TimeSpan.FromMinutes(2);

    public RetryPolicy ToRetryPolicy() => new()
    {
        InitialInterval = InitialRetryInterval,
        Factor = 2.0,
        MaxInterval = MaxRetryInterval,
        MaxAttempts = MaxAttempts,
        MaxDuration = MaxRetryDuration,
    };

    /// <summary>The terminal error a caller sees when the turn could not be completed.</summary>
    public static TerminalException DescribeFailure(TerminalException failure) =>
        new(
            $"The agent turn failed and was not stored: {failure.Message}. Your message is kept in the history; send a new message to try again.",
            failure.Code is >= 400 and < 600 and not 500 ? failure.Code : 502);
}
