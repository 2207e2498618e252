namespace Restate.Sdk;

/// <summary>
/// How a failing <c>Run</c> step is retried. When attempts or duration run out, the step ends
/// with a <see cref="TerminalException"/> that the handler can catch.
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>The delay before the first retry; <c>null</c> lets Restate decide.</summary>
    public TimeSpan? InitialInterval { get; init; }

    /// <summary>Each delay is the previous one times this factor.</summary>
    public double Factor { get; init; } = 2.0;

    /// <summary>The longest delay between two attempts.</summary>
    public TimeSpan? MaxInterval { get; init; }

    /// <summary>Attempts in all, the first included; <c>null</c> for no limit.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>The longest time spent retrying; <c>null</c> for no limit.</summary>
    public TimeSpan? MaxDuration { get; init; }

    /// <summary>Delays that start at <paramref name="initialInterval"/> and grow by <paramref name="factor"/>.</summary>
    public static RetryPolicy Exponential(TimeSpan initialInterval, double factor = 2.0) =>
        new() { InitialInterval = initialInterval, Factor = factor };

    /// <summary>The same delay between every two attempts.</summary>
    public static RetryPolicy FixedDelay(TimeSpan interval) =>
        new() { InitialInterval = interval, Factor = 1.0, MaxInterval = interval };

    /// <summary>One attempt only: the first failure ends the step.</summary>
    public static RetryPolicy None { get; } = new() { MaxAttempts = 1 };
}
