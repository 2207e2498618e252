using Restate.Sdk;
using SkAgentSession.Events;

namespace SkAgentSession.Sessions;

/// <summary>
/// The events the session handler itself records for a turn: its end (completed, failed or
/// cancelled). Sent as a durable one-way call to the session's event log, so each is stored exactly
/// once, after every event the turn's step stored (the step flushes its own before it returns).
/// </summary>
internal static class TurnEvents
{
    public static void Completed(IObjectContext ctx, string turnId, string agent, string reply) =>
        Record(ctx, turnId, new TurnEvent { Type = TurnEventTypes.TurnCompleted, TurnId = turnId, Agent = agent, Reply = reply });

    public static void Failed(IObjectContext ctx, string turnId, string agent, string error) =>
        Record(ctx, turnId, new TurnEvent { Type = TurnEventTypes.TurnFailed, TurnId = turnId, Agent = agent, Error = error });

    public static void Cancelled(IObjectContext ctx, string turnId, string agent) =>
        Record(ctx, turnId, new TurnEvent { Type = TurnEventTypes.TurnCancelled, TurnId = turnId, Agent = agent });

    private static void Record(IObjectContext ctx, string turnId, TurnEvent turnEvent) =>
        ctx.Send(
            CallTarget.ForObject(SessionEventsObject.Name, ctx.Key, "append"),
            new AppendEvents { TurnId = turnId, AttemptId = null, Events = [turnEvent] });
}
