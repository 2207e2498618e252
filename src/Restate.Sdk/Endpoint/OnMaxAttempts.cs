namespace Restate.Sdk;

/// <summary>What Restate does with an invocation whose retries are exhausted.</summary>
public enum OnMaxAttempts
{
    /// <summary>Pause it; an operator can resume it later.</summary>
    Pause,

    /// <summary>Kill it; it ends with a failure.</summary>
    Kill,
}
