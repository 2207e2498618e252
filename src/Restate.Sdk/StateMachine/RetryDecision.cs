namespace Restate.Sdk.StateMachine;

/// <summary>
/// What to do after a run closure failed with a retryable error: retry (with the delay the policy
/// asks for, or the runtime's own when <c>null</c>) or give up and store a terminal failure.
/// </summary>
internal readonly record struct RetryDecision(bool Retry, TimeSpan? Delay)
{
    public static RetryDecision GiveUp { get; } = new(false, null);

    /// <param name="policy">The run's policy; <c>null</c> retries forever on the runtime's schedule.</param>
    /// <param name="attempts">Attempts made so far, the failed one included.</param>
    /// <param name="elapsed">Time spent in those attempts.</param>
    public static RetryDecision Decide(RetryPolicy? policy, uint attempts, TimeSpan elapsed)
    {
        if (policy is null)
        {
            return new RetryDecision(true, null);
        }

        if ((policy.MaxAttempts is { } maxAttempts && attempts >= (uint)Math.Max(maxAttempts, 0))
            || (policy.MaxDuration is { } maxDuration && elapsed >= maxDuration))
        {
            return GiveUp;
        }

        if (policy.InitialInterval is not { } initial)
        {
            return new RetryDecision(true, null);
        }

        var ceiling = policy.MaxInterval ?? TimeSpan.MaxValue;
        var millis = initial.TotalMilliseconds * Math.Pow(policy.Factor, attempts - 1.0);
        var delay = double.IsFinite(millis) && millis < ceiling.TotalMilliseconds
            ? TimeSpan.FromMilliseconds(millis)
            : ceiling;
        return new RetryDecision(true, delay);
    }
}
