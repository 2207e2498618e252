namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>The <see cref="AwakeableTests"/> over a bidi stream.</summary>
public sealed class AwakeableBidiTests(AwakeableEnvironment env) : AwakeableTests(env), IClassFixture<AwakeableEnvironment>;
