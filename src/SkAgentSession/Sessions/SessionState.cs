using Restate.Sdk;
using SkAgentSession.Agents;
using SkAgentSession.Airline;
using SkAgentSession.Context;
using SkAgentSession.Sessions.History;

namespace SkAgentSession.Sessions;

/// <summary>The durable state of a session and the names of its keys.</summary>
internal sealed class SessionState
{
    public const string AgentKey = "agent";
    public const string ContextKey = "context";

    private SessionState(PagedHistory items, string agent, AirlineContext context, HistorySummary? summary)
    {
        Items = items;
        Agent = agent;
        Context = context;
        Summary = summary;
    }

    /// <summary>The history; for a turn, only the part from the summary's end on is read.</summary>
    public PagedHistory Items { get; }

    public string Agent { get; set; }

    public AirlineContext Context { get; set; }

    public HistorySummary? Summary { get; set; }

    /// <summary>The state a turn needs: the history the model may see (from the summary's end on), the agent, the context.</summary>
    public static Task<SessionState> LoadForTurn(ISharedObjectContext ctx, string defaultAgent) => Load(ctx, defaultAgent, wholeHistory: false);

    /// <summary>All of it, the whole history included.</summary>
    public static Task<SessionState> LoadWhole(ISharedObjectContext ctx, string defaultAgent) => Load(ctx, defaultAgent, wholeHistory: true);

    public void SaveItems(IObjectContext ctx) => Items.Save(ctx);

    /// <summary>Makes the items from <paramref name="turnStart"/> on those of the running turn.</summary>
    public void ReplaceTurnItems(int turnStart, IEnumerable<SessionItem> turnItems) => Items.ReplaceFrom(turnStart, turnItems);

    public void SaveAll(IObjectContext ctx)
    {
        Items.Save(ctx);
        ctx.Set(AgentKey, Agent);
        ctx.Set(ContextKey, Context);
    }

    private static async Task<SessionState> Load(ISharedObjectContext ctx, string defaultAgent, bool wholeHistory)
    {
        var summary = await ctx.Get<HistorySummary>(HistorySummary.StateKey);
        var items = await PagedHistory.Load(ctx, wholeHistory ? 0 : summary?.CoversItems ?? 0);
        var agent = await ctx.Get<string>(AgentKey) ?? defaultAgent;
        var context = await ctx.Get<AirlineContext>(ContextKey) ?? new AirlineContext();
        return new SessionState(items, agent, context, summary);
    }
}
