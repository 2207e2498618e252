
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

    /// <summary>Seeded per turn, so the same inputs produce the same turn.</summary>
    public Random Random { get; }

    public string ActiveAgent { get; internal set; }
}
