using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests.Durability;

/// <summary>The app with every tool call taking a few seconds (AgentRunner:SimulatedToolLatency), to crash it during a tool step.</summary>
public sealed class SlowStepToolEnvironment : SessionEnvironment
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings =>
        new Dictionary<string, string> { ["AgentRunner__SimulatedToolLatency"] = "00:00:05" };
}
