namespace Restate.Sdk;

/// <summary>Options of a <c>Run</c> step.</summary>
public sealed record RunOptions
{
    /// <summary>How a failing step is retried; <c>null</c> retries as Restate's own policy says.</summary>
    public RetryPolicy? RetryPolicy { get; init; }
}
