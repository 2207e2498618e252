using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests.Retention;

/// <summary>The app with sessions that expire after a few idle seconds, and a short idempotency retention for <c>chat</c>.</summary>
public sealed class ShortTtlEnvironment : SessionEnvironment
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(4);

    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
    {
        ["SkAgentSession__SessionTtl"] = Ttl.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        ["SkAgentSession__ChatIdempotencyRetention"] = "02:00:00",
    };
}

/// <summary>Tests that share one <see cref="ShortTtlEnvironment"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SharedShortTtlEnvironment : ICollectionFixture<ShortTtlEnvironment>
{
    public const string Name = "short session ttl";
}
