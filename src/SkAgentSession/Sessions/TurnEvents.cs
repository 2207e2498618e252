using Restate.Sdk;
using SkAgentSession.Events;

namespace SkAgentSession.Sessions;

/// <summary>
/// The events the session handler itself records for a turn: its end (completed, failed or
/// cancelled). A durable call to the session's event log, so each is stored exactly once, after
/// every event the turn's step stored (the step flushes its own before it returns), and before the
/// turn's caller gets its answer: a client that has the answer finds the end in the stream.
/// </summary>
internal static class TurnEvents
{
    public static Task Completed(IObjectContext ctx, string turnId, string agent, string reply) =>
        Record(ctx, turnId, new TurnEvent { Type = TurnEventTypes.TurnCompleted, TurnId = turnId, Agent = agent, Reply = reply });

    public static Task Failed(IObjectContext ctx, string turnId, string agent, string error) =>
        Record(ctx, turnId, new TurnEvent { Type = TurnEventTypes.TurnFailed, TurnId = turnId, Agent = agent, Error = error });

    public static Task Cancelled(IObjectContext ctx, string turnId, string agent) =>
        Record(ctx, turnId, new TurnEvent { Type = TurnEventTypes.TurnCancelled, TurnId = turnId, Agent = agent });

    private static Task<AppendResult> Record(IObjectContext ctx, string turnId, TurnEvent turnEvent) =>
        ctx.Call<AppendResult>(
            CallTarget.ForObject(SessionEventsObject.Name, ctx.Key, "append"),
            new AppendEvents { TurnId = turnId, AttemptId = null, Events = [turnEvent] });
}
