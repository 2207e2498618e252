namespace SkAgentSession.FaultInjection;

/// <summary>How the sessions of a run store their turns (issue 10 contract): one durable step per turn, or one per model request, tool call and handoff.</summary>
public enum DurabilityMode
{
    /// <summary>The whole agent loop is one step, <c>agent turn</c>.</summary>
    Turn,

    /// <summary><c>model request {n}</c>, <c>tool {name} {callId}</c> and <c>handoff {callId}</c> steps.</summary>
    Step,
}
