using Restate.Sdk;
using SkAgentSession.Agents;
using SkAgentSession.Airline;

namespace SkAgentSession.Sessions;

/// <summary>The durable state of a session and the names of its keys.</summary>
internal sealed class SessionState
{
    public const string ItemsKey = "items";
    public const string AgentKey = "agent";
    public const string ContextKey = "context";

    private SessionState(List<SessionItem> items, string agent, AirlineContext context)
    {
        Items = items;
        Agent = agent;
        Context = context;
    }

    public List<SessionItem> Items { get; }

    public string Agent { get; set; }

    public AirlineContext Context { get; set; }

    public static async Task<SessionState> Load(ISharedObjectContext ctx, string defaultAgent)
    {
        var items = await ctx.Get<List<SessionItem>>(ItemsKey) ?? [];
        var agent = await ctx.Get<string>(AgentKey) ?? defaultAgent;
        var context = await ctx.Get<AirlineContext>(ContextKey) ?? new AirlineContext();
        return new SessionState(items, agent, context);
    }

    public void SaveItems(IObjectContext ctx) => ctx.Set(ItemsKey, Items);

    /// <summary>Makes the items from <paramref name="turnStart"/> on those of the running turn.</summary>
    public void ReplaceTurnItems(int turnStart, IEnumerable<SessionItem> turnItems)
    {
        Items.RemoveRange(turnStart, Items.Count - turnStart);
        Items.AddRange(turnItems);
    }

    public void SaveAll(IObjectContext ctx)
    {
        ctx.Set(ItemsKey, Items);
        ctx.Set(AgentKey, Agent);
        ctx.Set(ContextKey, Context);
    }
}
