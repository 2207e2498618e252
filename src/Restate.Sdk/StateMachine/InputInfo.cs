namespace Restate.Sdk.StateMachine;

/// <summary>The invocation's input: the journal's <c>InputCommand</c> plus what Start said.</summary>
internal sealed record InputInfo(
    string InvocationId,
    string Key,
    IReadOnlyDictionary<string, string> Headers,
    ReadOnlyMemory<byte> Input,
    ulong RandomSeed);
