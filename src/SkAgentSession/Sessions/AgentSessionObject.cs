using Microsoft.Extensions.Options;
using Restate.Sdk;
using SkAgentSession.Agents;
using SkAgentSession.Airline;
using SkAgentSession.Events;
using SkAgentSession.Models;

namespace SkAgentSession.Sessions;

/// <summary>
/// One chat session as a Restate virtual object, keyed by session id. Restate runs the exclusive
/// handlers of one key one at a time, in arrival order, so turns of a session never interleave.
/// </summary>
[VirtualObject(Name = Name)]
public sealed class AgentSessionObject(
    AgentRunner<AirlineContext> runner,
    IOptions<AgentTurnOptions> turnOptions,
    SecretRedactor redactor,
    ITurnEventSinkFactory eventSinks,
    ILogger<AgentSessionObject> logger)
{
    public const string Name = "AgentSession";

    public const string AgentTurnStep = "agent turn";

    /// <summary>Runs one user turn: the whole agent loop is one durable step.</summary>
    [Handler]
    public async Task<ChatReply> Chat(IObjectContext ctx, ChatTurnRequest request)
    {
        // Bad input is refused before anything is written, with a 4xx the caller can read.
        RejectIfInvalid(SessionInputRules.CheckSessionId(ctx.Key));
        RejectIfInvalid(SessionInputRules.CheckMessage(request.Message));

        var state = await SessionState.Load(ctx, runner.Catalog.DefaultAgent);
        var userItem = MessageItem.FromUser(state.Agent, request.Message!, await ctx.Now());
        state.Items.Add(userItem);

        // Stored before the turn runs, so getHistory shows the user's message while the agent works,
        // and a turn that ends in an error keeps it.
        state.SaveItems(ctx);

        // The invocation id names the turn in its events: the same on every retry of the invocation.
        var turnId = ctx.InvocationId;
        var stream = new TurnEventStream(ctx.Key, turnId, eventSinks, logger);
        AgentTurnResult<AirlineContext> turn;
        try
        {
            turn = await ctx.Run(
                AgentTurnStep,
                cancellationToken => AgentTurnStepBody.RunAsync(runner, state, stream, cancellationToken),
                new RunOptions { RetryPolicy = turnOptions.Value.ToRetryPolicy() });
        }
        catch (TerminalException stopped) when (stopped.Code == TurnStatus.CancelledCode)
        {
            // Stopped through Restate (POST .../cancel): the step was abandoned, and nothing of it is stored.
            state.Items.Add(TurnStatusItem.ForCancelled(state.Agent, await ctx.Now()));
            state.SaveItems(ctx);
            await TurnEvents.Cancelled(ctx, turnId, state.Agent);
            throw TurnStatus.Stopped();
        }
        catch (TerminalException failure)
        {
            var error = redactor.Redact(failure.Message);
            state.Items.Add(TurnStatusItem.ForFailed(state.Agent, error, await ctx.Now()));
            state.SaveItems(ctx);
            await TurnEvents.Failed(ctx, turnId, state.Agent, error);
            throw AgentTurnOptions.DescribeFailure(failure);
        }

        state.Items.AddRange(turn.NewItems);
        state.Agent = turn.ActiveAgent;
        state.Context = turn.Context;
        state.SaveAll(ctx);
        await TurnEvents.Completed(ctx, turnId, turn.ActiveAgent, turn.Reply);

        return new ChatReply(turn.Reply, turn.ActiveAgent, [userItem, .. turn.NewItems]);
    }

    /// <summary>The session's history; runs beside a turn in progress, so it shows the pending user item.</summary>
    [Handler]
    public async Task<SessionHistory> GetHistory(ISharedObjectContext ctx)
    {
        RejectIfInvalid(SessionInputRules.CheckSessionId(ctx.Key));
        var state = await SessionState.Load(ctx, runner.Catalog.DefaultAgent);
        return new SessionHistory(ctx.Key, state.Agent, state.Items);
    }

    /// <summary>Forgets the session: history, active agent and context.</summary>
    [Handler]
    public Task Reset(IObjectContext ctx)
    {
        RejectIfInvalid(SessionInputRules.CheckSessionId(ctx.Key));
        ctx.ClearAll();
        return Task.CompletedTask;
    }

    private static void RejectIfInvalid(string? error)
    {
        if (error is not null)
        {
            throw new TerminalException(error, 400);
        }
    }
}
