using Restate.Sdk.Tests.StateMachine;

namespace Restate.Sdk.Tests.Determinism;

/// <summary>
/// When the simulated runtime delivers the notifications it owes: some right after a frame from
/// the SDK arrives, and one whenever the SDK has gone quiet.
/// </summary>
internal interface IDeliveryPolicy
{
    /// <summary>The owed notifications to deliver now, in this order, after a frame arrived.</summary>
    IReadOnlyList<Frame> AfterFrame(IReadOnlyList<Frame> owed);

    /// <summary>The owed notifications to deliver when the SDK is quiet; empty to keep waiting.</summary>
    IReadOnlyList<Frame> WhenQuiet(IReadOnlyList<Frame> owed);
}
