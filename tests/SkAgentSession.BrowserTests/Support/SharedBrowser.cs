namespace SkAgentSession.BrowserTests.Support;

/// <summary>Browser tests share one app, one Restate and one Chromium, and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserEnvironment>
{
    public const string Name = "browser";
}
