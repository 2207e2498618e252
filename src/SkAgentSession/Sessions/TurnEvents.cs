using Restate.Sdk;
using SkAgentSession.Agents;
using SkAgentSession.Events;

namespace SkAgentSession.Sessions;

/// <summary>
/// The events the session handler itself records for a turn: approvals asked for and given, and its
/// end (completed, failed or cancelled). A durable call to the session's event log, so each is stored exactly once, after
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

    public static Task ApprovalRequested(IObjectContext ctx, string turnId, ApprovalRequestItem request) =>
        Record(ctx, turnId, new TurnEvent
        {
            Type = TurnEventTypes.ApprovalRequested,
            TurnId = turnId,
            Agent = request.Agent,
            CallId = request.CallId,
            Name = request.Name,
            Arguments = request.Arguments.GetRawText(),
        });

    /// <summary>The decision, and for a call that was not run, the call and the result the model is given instead.</summary>
    public static Task ApprovalResolved(IObjectContext ctx, string turnId, ApprovalRequestItem decided, ToolResultItem? notRun)
    {
        List<TurnEvent> events =
        [
            new TurnEvent
            {
                Type = TurnEventTypes.ApprovalResolved,
                TurnId = turnId,
                Agent = decided.Agent,
                CallId = decided.CallId,
                Name = decided.Name,
                Status = decided.Status,
                Comment = decided.Comment,
            },
        ];
        if (notRun is not null)
        {
            events.Add(new TurnEvent { Type = TurnEventTypes.ToolCall, TurnId = turnId, Agent = decided.Agent, CallId = decided.CallId, Name = decided.Name, Arguments = decided.Arguments.GetRawText() });
            events.Add(new TurnEvent { Type = TurnEventTypes.ToolResult, TurnId = turnId, Agent = decided.Agent, CallId = notRun.CallId, Name = notRun.Name, Result = notRun.Result });
        }

        return Record(ctx, turnId, [.. events]);
    }

    private static Task<AppendResult> Record(IObjectContext ctx, string turnId, params TurnEvent[] turnEvents) =>
        ctx.Call<AppendResult>(
            CallTarget.ForObject(SessionEventsObject.Name, ctx.Key, "append"),
            new AppendEvents { TurnId = turnId, AttemptId = null, Events = turnEvents });
}
