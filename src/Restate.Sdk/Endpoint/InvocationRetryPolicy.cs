namespace Restate.Sdk;

/// <summary>
/// How Restate retries a failing invocation attempt (not a <c>Run</c> step, which has its own
/// <see cref="RetryPolicy"/>). Unset values keep the server's defaults.
/// </summary>
public sealed record InvocationRetryPolicy
{
    /// <summary>The delay before the first retry.</summary>
    public TimeSpan? InitialInterval { get; init; }

    /// <summary>The longest delay between two retries.</summary>
    public TimeSpan? MaxInterval { get; init; }

    /// <summary>Attempts in all, the first included.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>Each delay is the previous one times this factor.</summary>
    public double? ExponentiationFactor { get; init; }

    /// <summary>What happens when <see cref="MaxAttempts"/> is reached.</summary>
    public OnMaxAttempts? OnMaxAttempts { get; init; }
}
