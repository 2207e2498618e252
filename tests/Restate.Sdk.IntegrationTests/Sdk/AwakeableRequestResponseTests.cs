namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>The <see cref="AwakeableTests"/> in request/response mode.</summary>
public sealed class AwakeableRequestResponseTests(AwakeableRequestResponseEnvironment env) : AwakeableTests(env), IClassFixture<AwakeableRequestResponseEnvironment>;
