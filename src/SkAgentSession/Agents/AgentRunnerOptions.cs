namespace SkAgentSession.Agents;

/// <summary>Limits of one agent turn.</summary>
public sealed class AgentRunnerOptions
{
    /// <summary>
    /// Most model requests one turn may make, across tool calls and handoffs. A turn that needs
    /// more ends with <see cref="AgentStepLimitExceededException"/>.
    /// </summary>
    public int MaxModelRequestsPerTurn { get; set; } = 12;
}
