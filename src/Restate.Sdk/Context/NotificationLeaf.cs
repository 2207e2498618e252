using Restate.Sdk.StateMachine;

namespace Restate.Sdk;

/// <summary>
/// One awaited notification of the state machine and, once taken, its result. Every future over
/// the same handle shares one leaf, so whichever await takes the result, all of them see it.
/// </summary>
internal sealed class NotificationLeaf(int handle)
{
    public int Handle { get; } = handle;

    public NotificationResult? Result { get; private set; }

    /// <summary>When the result was taken, relative to the other leaves of the invocation.</summary>
    public long Order { get; private set; }

    public bool IsResolved => Result is not null;

    public void Resolve(NotificationResult result, long order)
    {
        Result = result;
        Order = order;
    }
}
