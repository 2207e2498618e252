namespace Restate.Sdk.IntegrationTests.Sdk.Services;

public sealed record ProfileAddress(string City, int PostalCode);
