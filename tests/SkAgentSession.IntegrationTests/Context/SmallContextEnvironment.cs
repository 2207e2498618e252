using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests.Context;

/// <summary>The app with a small model context (<c>SkAgentSession:Context</c>), so a few turns need a summary.</summary>
public sealed class SmallContextEnvironment : SessionEnvironment
{
    public const int MaxItems = 8;

    public const int KeepItems = 4;

    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
    {
        ["SkAgentSession__Context__MaxItems"] = MaxItems.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SkAgentSession__Context__KeepItems"] = KeepItems.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>Tests that share one <see cref="SmallContextEnvironment"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SharedSmallContextEnvironment : ICollectionFixture<SmallContextEnvironment>
{
    public const string Name = "small model context";
}
