using Restate.Sdk.StateMachine;

namespace Restate.Sdk;

/// <summary>A result user code waits for: a handle of the state machine, and what to do with its outcome.</summary>
internal interface IPendingResult
{
    int Handle { get; }

    /// <summary>Completes the waiting task with the notification's result; continuations run inline.</summary>
    void Complete(NotificationResult result, long order);

    /// <summary>Fails the waiting task (the invocation was cancelled).</summary>
    void Fail(Exception error);
}
