namespace Restate.Sdk.StateMachine;

/// <summary>The two notifications of a call: the callee's invocation id, then its result.</summary>
internal readonly record struct CallHandles(int InvocationIdHandle, int ResultHandle);
