namespace Restate.Sdk.Telemetry;

/// <summary>Attribute and tag names of the SDK's spans and metrics.</summary>
internal static class TelemetryNames
{
    public const string InvocationId = "restate.invocation.id";
    public const string InvocationTarget = "restate.invocation.target";

    /// <summary>1 + the retries since the journal last grew: the only attempt count Restate sends.</summary>
    public const string InvocationAttempt = "restate.invocation.attempt";
    public const string InvocationReplayed = "restate.invocation.replayed";
    public const string JournalKnownEntries = "restate.journal.known_entries";
    public const string InvocationOutcome = "restate.invocation.outcome";
    public const string Service = "restate.service";
    public const string Handler = "restate.handler";
    public const string RunName = "restate.run.name";
    public const string RunTerminal = "restate.run.terminal";
    public const string ErrorType = "error.type";
}
