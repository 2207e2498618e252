namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>The <see cref="CombinatorTests"/> in request/response mode.</summary>
public sealed class CombinatorRequestResponseTests(CombinatorRequestResponseEnvironment env) : CombinatorTests(env), IClassFixture<CombinatorRequestResponseEnvironment>;
