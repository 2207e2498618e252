using Restate.Sdk.StateMachine;

namespace Restate.Sdk.Telemetry;

/// <summary>How an attempt ended, as its span and metrics name it.</summary>
internal static class AttemptOutcome
{
    public const string Completed = "completed";
    public const string Suspended = "suspended";
    public const string Failed = "failed";
    public const string Aborted = "aborted";

    public static string Of(ClosedReason reason) => reason switch
    {
        ClosedReason.Ended => Completed,
        ClosedReason.Suspended => Suspended,
        ClosedReason.Failed => Failed,
        _ => Aborted,
    };
}
