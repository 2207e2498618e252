namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>The <see cref="CombinatorTests"/> over a bidi stream.</summary>
public sealed class CombinatorBidiTests(CombinatorEnvironment env) : CombinatorTests(env), IClassFixture<CombinatorEnvironment>;
