namespace SkAgentSession.Sessions;

/// <summary>The outcome of a call to a session: a value, or a problem to report to the caller.</summary>
public sealed record SessionCallResult<T>
{
    private SessionCallResult(T? value, SessionProblem? problem)
    {
        Value = value;
        Problem = problem;
    }

    public T? Value { get; }

    public SessionProblem? Problem { get; }

    public static SessionCallResult<T> Success(T value) => new(value, null);

    public static SessionCallResult<T> Failure(SessionProblem problem) => new(default, problem);
}

/// <summary>Why a call to a session failed, as an HTTP status and words for a person.</summary>
public sealed record SessionProblem(int Status, string Title, string Detail);
