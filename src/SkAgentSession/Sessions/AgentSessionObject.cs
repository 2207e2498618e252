using Restate.Sdk;
using SkAgentSession.Agents;
using SkAgentSession.Agents.Loop;
using SkAgentSession.Airline;
using SkAgentSession.Approvals;
using SkAgentSession.Events;
using SkAgentSession.Models;
using SkAgentSession.Retention;
using SkAgentSession.Sessions.History;
using SkAgentSession.Settings;
using SkAgentSession.Telemetry;

namespace SkAgentSession.Sessions;

/// <summary>
/// One chat session as a Restate virtual object, keyed by session id. Restate runs the exclusive
/// handlers of one key one at a time, in arrival order, so turns of a session never interleave.
/// </summary>
[VirtualObject(Name = Name)]
public sealed class AgentSessionObject(
    AgentRunner<AirlineContext> runner,
    DurableTurn durableTurn,
    SessionExpiry expiry,
    SecretRedactor redactor,
    ITurnEventSinkFactory eventSinks,
    ILogger<AgentSessionObject> logger)
{
    public const string Name = "AgentSession";

    /// <summary>Runs one user turn, in durable steps as the session's settings say (the whole agent loop in one by default).</summary>
    [Handler]
    public async Task<ChatReply> Chat(IObjectContext ctx, ChatTurnRequest request)
    {
        // Bad input is refused before anything is written, with a 4xx the caller can read.
        RejectIfInvalid(SessionInputRules.CheckSessionId(ctx.Key));
        RejectIfInvalid(SessionInputRules.CheckMessage(request.Message));

        var settings = await ctx.Call<SessionSettings>(CallTarget.ForObject(SessionSettingsObject.Name, ctx.Key, "get"));
        var state = await SessionState.LoadForTurn(ctx, runner.Catalog.DefaultAgent);
        var userItem = MessageItem.FromUser(state.Agent, request.Message!, await ctx.Now());
        state.Items.Add(userItem);
        var metrics = TurnMetrics.Start(userItem.Timestamp);

        // Stored before the turn runs, so getHistory shows the user's message while the agent works,
        // and a turn that ends in an error keeps it.
        state.SaveItems(ctx);
        var turnStart = state.Items.Count;

        // The invocation id names the turn in its events: the same on every retry of the invocation.
        var turnId = ctx.InvocationId;
        var stream = new TurnEventStream(ctx.Key, turnId, eventSinks, logger);
        TurnProgress<AirlineContext> turn;
        try
        {
            turn = await durableTurn.RunAsync(ctx, state, settings, stream);
        }
        catch (TerminalException stopped) when (stopped.Code == TurnStatus.CancelledCode)
        {
            // Stopped through Restate (POST .../cancel): the running step was abandoned, and nothing of the turn is stored.
            EndWithout(ctx, state, turnStart, TurnStatusItem.ForCancelled(state.Agent, await ctx.Now()));
            await TurnEvents.Cancelled(ctx, turnId, state.Agent);
            metrics.End(TurnMetrics.Cancelled);
            throw TurnStatus.Stopped();
        }
        catch (TerminalException failure)
        {
            var error = redactor.Redact(failure.Message);
            EndWithout(ctx, state, turnStart, TurnStatusItem.ForFailed(state.Agent, error, await ctx.Now()));
            await TurnEvents.Failed(ctx, turnId, state.Agent, error);
            metrics.End(TurnMetrics.Failed);
            throw AgentTurnOptions.DescribeFailure(failure);
        }

        state.ReplaceTurnItems(turnStart, turn.Items);
        state.Agent = turn.ActiveAgent;
        state.Context = turn.Context;
        state.SaveAll(ctx);
        await expiry.TouchAsync(ctx);
        await TurnEvents.Completed(ctx, turnId, turn.ActiveAgent, turn.Reply!);
        metrics.End(TurnMetrics.Completed);

        return new ChatReply(turn.Reply!, turn.ActiveAgent, [userItem, .. turn.Items]);
    }

    /// <summary>The session's history; runs beside a turn in progress, so it shows the pending user item.</summary>
    [Handler]
    public async Task<SessionHistory> GetHistory(ISharedObjectContext ctx)
    {
        RejectIfInvalid(SessionInputRules.CheckSessionId(ctx.Key));
        var state = await SessionState.LoadWhole(ctx, runner.Catalog.DefaultAgent);
        return new SessionHistory(ctx.Key, state.Agent, state.Items.From(0));
    }

    /// <summary>A part of the session's history (see <see cref="HistoryPageRequest"/>), reading only the pages it needs.</summary>
    [Handler]
    public async Task<HistoryPage> GetHistoryPage(ISharedObjectContext ctx, HistoryPageRequest request)
    {
        RejectIfInvalid(SessionInputRules.CheckSessionId(ctx.Key));
        RejectIfInvalid(request is null ? "The request needs 'limit' and 'before' or 'after'." : request.Check());
        var agent = await ctx.Get<string>(SessionState.AgentKey) ?? runner.Catalog.DefaultAgent;
        var total = (await ctx.Get<HistoryHeader>(HistoryPages.HeaderKey))?.Count;
        var end = request!.After is { } after ? after + request.Limit : request.Before ?? int.MaxValue;
        end = Math.Min(end, total ?? int.MaxValue);
        var start = request.After ?? Math.Max(0, end - request.Limit);
        var (items, count) = await PagedHistory.ReadRange(ctx, start, end);
        start = Math.Min(start, count);
        var stop = start + items.Count;
        return new HistoryPage(ctx.Key, agent, items, count, start, start > 0 ? start : null, stop < count ? stop : null);
    }

    /// <summary>The approval the session's turn waits for, or null; runs beside the waiting turn.</summary>
    [Handler]
    public async Task<PendingApproval?> GetPendingApproval(ISharedObjectContext ctx)
    {
        RejectIfInvalid(SessionInputRules.CheckSessionId(ctx.Key));
        return await ctx.Get<PendingApproval>(PendingApproval.StateKey);
    }

    /// <summary>The session's idle timer fired (see <see cref="SessionExpiry"/>).</summary>
    [Handler]
    public async Task Expire(IObjectContext ctx)
    {
        var header = await ctx.Get<HistoryHeader>(HistoryPages.HeaderKey);
        await expiry.ExpireAsync(ctx, header?.UpdatedAt);
    }

    /// <summary>Forgets the session: history, active agent and context.</summary>
    [Handler]
    public Task Reset(IObjectContext ctx)
    {
        RejectIfInvalid(SessionInputRules.CheckSessionId(ctx.Key));
        ctx.ClearAll();
        return Task.CompletedTask;
    }

    /// <summary>A turn that ended without a reply keeps the user's message and says how it ended; what it did so far is dropped.</summary>
    private static void EndWithout(IObjectContext ctx, SessionState state, int turnStart, TurnStatusItem status)
    {
        ctx.Clear(PendingApproval.StateKey);
        state.ReplaceTurnItems(turnStart, [status]);
        state.SaveItems(ctx);
    }

    private static void RejectIfInvalid(string? error)
    {
        if (error is not null)
        {
            throw new TerminalException(error, 400);
        }
    }
}
