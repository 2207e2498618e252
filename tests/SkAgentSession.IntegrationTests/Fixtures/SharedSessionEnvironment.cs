namespace SkAgentSession.IntegrationTests.Fixtures;

/// <summary>Tests that share one Restate server and one app process.</summary>
[CollectionDefinition(Name)]
public sealed class SharedSessionEnvironment : ICollectionFixture<SessionEnvironment>
{
    public const string Name = "sessions";
}
