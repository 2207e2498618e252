namespace SkAgentSession.Agents.Loop;

/// <summary>What a turn does next.</summary>
public enum TurnActionKind
{
    /// <summary>Ask the active agent's model (one request).</summary>
    ModelRequest,

    /// <summary>Run the next tool call of the latest model response.</summary>
    Tool,

    /// <summary>Hand the conversation to another agent (runs its handoff action).</summary>
    Handoff,

    /// <summary>The next tool call needs a person's approval first: the turn waits for a decision.</summary>
    Approval,

    /// <summary>The turn has its reply.</summary>
    Done,
}
