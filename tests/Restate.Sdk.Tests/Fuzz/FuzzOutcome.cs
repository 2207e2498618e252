namespace Restate.Sdk.Tests.Fuzz;

/// <summary>How the endpoint answered a fuzz case: a short kind for the tally, and what was wrong (null when right).</summary>
internal sealed record FuzzOutcome(FuzzCase Case, string Kind, string? Failure);
