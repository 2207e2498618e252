namespace SkAgentSession.Sessions;

/// <summary>The outcome of a call to a session: a value, or a problem to report to the caller.</summary>
public sealed record SessionCallResult<T>(T? Value, SessionProblem? Problem);

/// <summary>Makes <see cref="SessionCallResult{T}"/> values.</summary>
public static class SessionCallResult
{
    public static SessionCallResult<T> Success<T>(T value) => new(value, null);

    public static SessionCallResult<T> Failure<T>(SessionProblem problem) => new(default, problem);
}
