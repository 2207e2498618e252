namespace Restate.Sdk.IntegrationTests.Sdk.Services;

/// <summary>A value the echo handler returns after a durable sleep of <paramref name="Millis"/>.</summary>
public sealed record DelayedValue(string Value, int Millis);
