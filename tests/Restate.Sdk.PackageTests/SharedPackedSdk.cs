namespace Restate.Sdk.PackageTests;

/// <summary>The test classes that share one <see cref="PackedSdk"/>, so the packages are packed once.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPackedSdk : ICollectionFixture<PackedSdk>
{
    public const string Name = "Packed SDK";
}
