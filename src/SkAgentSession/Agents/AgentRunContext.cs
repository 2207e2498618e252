
namespace SkAgentSession.Agents;

/// <summary>
/// The state of one running turn that tools and handoff actions see: the turn's own copy of the
/// context (returned in <see cref="AgentTurnResult{TContext}"/>), a seeded random source and the
/// active agent.
/// </summary>
public sealed class AgentRunContext<TContext>
    where TContext : class
{
    internal const string KernelDataKey = "SkAgentSession.AgentRunContext";

    internal AgentRunContext(TContext context, Random random, string activeAgent)
    {
        Context = context;
        Random = random;
        ActiveAgent = activeAgent;
    }

    /// <summary>The turn's working copy of the context; changes become the turn's result.</summary>
    public TContext Context { get; }

    /// <summary>
    /// Seeded by the turn's inputs and the call being run, so the same inputs produce the same turn,
    /// whether it runs in one durable step or one step per action.
    /// </summary>
    public Random Random { get; }

    public string ActiveAgent { get; internal set; }
}
