namespace Restate.Sdk.IntegrationTests.Sdk.Services;

/// <summary>Asks the dispatcher to call the ledger <paramref name="Key"/> now and send it a message after <paramref name="DelayMillis"/>.</summary>
public sealed record DispatchRequest(string Key, int DelayMillis);
