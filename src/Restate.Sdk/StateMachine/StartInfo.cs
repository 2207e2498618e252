namespace Restate.Sdk.StateMachine;

/// <summary>What <c>StartMessage</c> says about the invocation attempt.</summary>
internal sealed record StartInfo(
    byte[] Id,
    string DebugId,
    string Key,
    uint KnownEntries,
    uint RetryCountSinceLastStoredEntry,
    ulong DurationSinceLastStoredEntryMillis,
    ulong RandomSeed);
