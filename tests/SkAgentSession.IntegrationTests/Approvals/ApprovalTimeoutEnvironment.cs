using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests.Approvals;

/// <summary>
/// The app with approvals that time out after a few seconds (<c>SkAgentSession:Approvals:Timeout</c>):
/// long enough for the API to notice the waiting turn and answer 202, short enough for a test.
/// </summary>
public sealed class ApprovalTimeoutEnvironment : SessionEnvironment
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(4);

    protected override IReadOnlyDictionary<string, string> ExtraSettings =>
        new Dictionary<string, string> { ["SkAgentSession__Approvals__Timeout"] = Timeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture) };
}

/// <summary>Tests that share one <see cref="ApprovalTimeoutEnvironment"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SharedApprovalTimeoutEnvironment : ICollectionFixture<ApprovalTimeoutEnvironment>
{
    public const string Name = "approval timeouts";
}
