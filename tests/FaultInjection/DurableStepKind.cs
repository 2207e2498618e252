namespace SkAgentSession.FaultInjection;

/// <summary>What a durable step of a turn does, read from its name in Restate's journal.</summary>
internal enum DurableStepKind
{
    /// <summary>Not one of the contract's step names (e.g. the SDK's <c>now</c>); the audit ignores it.</summary>
    Other,

    /// <summary><c>agent turn</c> or <c>agent turn (after approval)</c>: the agent loop, any number of model requests and tool calls.</summary>
    AgentTurn,

    /// <summary><c>model request {n}</c>: exactly one model request.</summary>
    ModelRequest,

    /// <summary><c>tool {name} {callId}</c>: one tool call.</summary>
    Tool,

    /// <summary><c>handoff {callId}</c>: the target agent's handoff action; no model request.</summary>
    Handoff,
}
