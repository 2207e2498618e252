namespace Restate.Sdk.IntegrationTests.Sdk.Services;

/// <summary>One message the ledger object received, with the time (<c>ctx.Now()</c>) it was handled.</summary>
public sealed record LedgerEntry(string Note, DateTimeOffset At);
