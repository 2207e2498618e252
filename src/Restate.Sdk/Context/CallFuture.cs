using Restate.Sdk.StateMachine;

namespace Restate.Sdk;

/// <summary>The response of a call, plus the callee's invocation id as a second notification.</summary>
internal sealed class CallFuture<T>(
    InvocationContext context,
    int resultHandle,
    Func<NotificationResult, T> map,
    LeafFuture<string> invocationId)
    : LeafFuture<T>(context, resultHandle, map), ICallFuture<T>
{
    public Task<string> InvocationId() => invocationId.AsTask();
}
