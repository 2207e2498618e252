using Restate.Sdk.Protocol;

namespace Restate.Sdk.StateMachine;

/// <summary>Tunables of the invocation state machine.</summary>
internal sealed record StateMachineOptions
{
    public static StateMachineOptions Default { get; } = new();

    /// <summary>Frames with a larger payload are rejected as a protocol violation.</summary>
    public int MaxMessageSize { get; init; } = MessageDecoder.DefaultMaxMessageSize;

    /// <summary>
    /// Every await also waits for the built-in cancel signal, which then fails it with a terminal
    /// 409 (the official SDKs' default).
    /// </summary>
    public bool ImplicitCancellation { get; init; } = true;

    /// <summary>On cancellation, also cancel the calls this invocation made (one-way sends are left alone).</summary>
    public bool CancelChildCalls { get; init; } = true;
}
