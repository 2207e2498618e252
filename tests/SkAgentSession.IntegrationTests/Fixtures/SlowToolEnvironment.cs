namespace SkAgentSession.IntegrationTests.Fixtures;

/// <summary>The app with every tool call taking 30 s (AgentRunner:SimulatedToolLatency), to stop a turn during one.</summary>
public sealed class SlowToolEnvironment : SessionEnvironment
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings =>
        new Dictionary<string, string> { ["AgentRunner__SimulatedToolLatency"] = "00:00:30" };
}
