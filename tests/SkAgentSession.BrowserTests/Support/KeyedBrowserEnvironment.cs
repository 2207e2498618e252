using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.BrowserTests.Support;

/// <summary>The browser environment with an app that requires an API key.</summary>
public sealed class KeyedBrowserEnvironment : BrowserEnvironment
{
    public const string Key = "browser-test-key-0123456789";

    public KeyedBrowserEnvironment()
        : base(new KeyedSessionEnvironment())
    {
    }

    private sealed class KeyedSessionEnvironment : SessionEnvironment
    {
        public override string? ApiKey => Key;
    }
}

/// <summary>Browser tests that share one <see cref="KeyedBrowserEnvironment"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SharedKeyedBrowser : ICollectionFixture<KeyedBrowserEnvironment>
{
    public const string Name = "browser with an API key";
}
