namespace Restate.Sdk.IntegrationTests.Fixtures;

/// <summary>
/// The xunit collection whose test classes share one <see cref="RestateServerFixture"/>: mark them
/// <c>[Collection(SharedRestateServer.Name)]</c>. They then run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedRestateServer : ICollectionFixture<RestateServerFixture>
{
    public const string Name = "Shared Restate server";
}
