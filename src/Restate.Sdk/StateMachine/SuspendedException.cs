namespace Restate.Sdk.StateMachine;

/// <summary>
/// Thrown into user code when the invocation has suspended, so that the handler unwinds. The
/// runtime resumes the invocation later by replaying its journal; this is not a failure.
/// </summary>
internal sealed class SuspendedException : Exception
{
    public SuspendedException()
        : base("The invocation suspended and will resume when what it awaits completes.")
    {
    }
}
