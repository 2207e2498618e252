namespace Restate.Sdk.IntegrationTests.Sdk.Services;

/// <summary>A typed handler input, to check what malformed JSON input does.</summary>
public sealed record Order(string Item, int Quantity);
