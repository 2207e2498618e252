namespace Restate.Sdk.IntegrationTests.Sdk.Services;

/// <summary>A state value with nested data, to check that state is stored as readable camelCase JSON.</summary>
public sealed record Profile(string DisplayName, IReadOnlyList<string> Tags, ProfileAddress Address);
