namespace SkAgentSession.Agents;

/// <summary>
/// The model kept calling tools or handing off without giving a final answer within
/// <see cref="AgentRunnerOptions.MaxModelRequestsPerTurn"/> requests. Retrying the turn would
/// most likely loop again, so callers should treat this as a terminal failure.
/// </summary>
public sealed class AgentStepLimitExceededException : Exception
{
    public AgentStepLimitExceededException(int maxModelRequests, string activeAgent)
        : base($"The agent turn made {maxModelRequests} model requests without a final answer (active agent: '{activeAgent}'); it was stopped.")
    {
        MaxModelRequests = maxModelRequests;
        ActiveAgent = activeAgent;
    }

    public int MaxModelRequests { get; }

    public string ActiveAgent { get; }
}
