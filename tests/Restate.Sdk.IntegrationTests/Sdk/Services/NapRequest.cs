namespace Restate.Sdk.IntegrationTests.Sdk.Services;

/// <summary>A durable sleep of <paramref name="Millis"/>; <paramref name="Tag"/> names the invocation for the probe.</summary>
public sealed record NapRequest(string Tag, int Millis);
