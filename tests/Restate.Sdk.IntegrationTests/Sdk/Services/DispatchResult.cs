namespace Restate.Sdk.IntegrationTests.Sdk.Services;

/// <summary>
/// What the dispatcher did: the ledger's answer to the call, the journaled time just before the delayed send,
/// and the invocation id of the delayed message.
/// </summary>
public sealed record DispatchResult(int DirectCount, DateTimeOffset SentAt, string DelayedInvocationId);
