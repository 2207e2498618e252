namespace SkAgentSession.BrowserTests.Support;

/// <summary>
/// The README screenshots get an app and Restate of their own, so the session list shows only the
/// conversations made for them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ScreenshotEnvironment : ICollectionFixture<BrowserEnvironment>
{
    public const string Name = "readme screenshots";
}
