using System.Globalization;
using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests.History;

/// <summary>
/// The app with the scripted model answering at once (no typing delay), so a session of thousands of
/// turns runs in minutes, and the model context's default budget stated where the tests can read it.
/// </summary>
public sealed class LongSessionEnvironment : SessionEnvironment
{
    public const int MaxItems = 80;

    public const int KeepItems = 30;

    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
    {
        ["ScriptedModel__TokenDelayMs"] = "0",
        ["SkAgentSession__Context__MaxItems"] = MaxItems.ToString(CultureInfo.InvariantCulture),
        ["SkAgentSession__Context__KeepItems"] = KeepItems.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>Tests that share one <see cref="LongSessionEnvironment"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SharedLongSessionEnvironment : ICollectionFixture<LongSessionEnvironment>
{
    public const string Name = "long sessions";
}
