using SkAgentSession.Agents;
using SkAgentSession.Airline;
using SkAgentSession.Events;

namespace SkAgentSession.Tests.Support;

/// <summary>
/// Plays the session object's part: stores the user item before the turn, appends the turn's
/// items, keeps the active agent and the context, and round-trips everything through JSON the
/// way durable state does.
/// </summary>
internal sealed class SessionDriver(ScriptedHarness harness, int? randomSeed = null)
{
    public List<SessionItem> Items { get; private set; } = [];

    public string Agent { get; private set; } = AirlineAgentNames.Triage;

    public AirlineContext Context { get; private set; } = new();

    public async Task<AgentTurnResult<AirlineContext>> SendAsync(string message, ITurnEventSink? events = null)
    {
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        Items.Add(MessageItem.FromUser(Agent, message, harness.Time.GetUtcNow()));
        Items = [.. SessionItemJson.Deserialize(SessionItemJson.Serialize(Items))];

        var result = await harness.Runner.RunTurnAsync(
            new AgentTurnRequest<AirlineContext>(Items, Agent, Context) { RandomSeed = randomSeed, Events = events ?? NullTurnEventSink.Instance });

        Items.AddRange(result.NewItems);
        Agent = result.ActiveAgent;
        Context = result.Context;
        return result;
    }
}
