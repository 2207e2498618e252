using Microsoft.SemanticKernel;

namespace SkAgentSession.Agents;

/// <summary>
/// An agent described as data: what it is told, which tools it may call and to which agents it
/// may hand the conversation. <typeparamref name="TContext"/> is the per-session state the tools
/// read and change (it travels with the session and comes back from each turn as data).
/// </summary>
public sealed class AgentDefinition<TContext>
    where TContext : class
{
    /// <summary>Display name, also the value stored as the session's active agent.</summary>
    public required string Name { get; init; }

    /// <summary>Tells other agents' models when to hand off to this agent.</summary>
    public string HandoffDescription { get; init; } = string.Empty;

    /// <summary>
    /// The system prompt, rendered from the current context before every model request (so it
    /// always reflects what the tools changed).
    /// </summary>
    public required Func<TContext, string> Instructions { get; init; }

    /// <summary>
    /// Semantic Kernel functions the model may call. Their names are sent to the model as they
    /// are (no plugin prefix) and must match <c>[A-Za-z0-9_]{1,64}</c>. A function reaches the
    /// turn's context through <see cref="AgentKernelExtensions.GetAgentRunContext{TContext}"/>
    /// on its <see cref="Kernel"/> parameter.
    /// </summary>
    public IReadOnlyList<KernelFunction> Tools { get; init; } = [];

    /// <summary>
    /// Names of this agent's tools that run only after a person approved the call, when the session
    /// asks for approvals. Until then the turn waits; a rejected call is not run, and the model is told.
    /// </summary>
    public IReadOnlyList<string> ToolsNeedingApproval { get; init; } = [];

    /// <summary>Names of the agents this agent may hand the conversation to.</summary>
    public IReadOnlyList<string> Handoffs { get; init; } = [];

    /// <summary>Runs when the conversation is handed to this agent, before it answers.</summary>
    public Action<AgentRunContext<TContext>>? OnHandoff { get; init; }
}
