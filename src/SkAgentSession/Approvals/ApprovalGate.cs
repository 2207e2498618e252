using System.Text.Json;
using Microsoft.Extensions.Options;
using Restate.Sdk;
using SkAgentSession.Agents;
using SkAgentSession.Agents.Loop;
using SkAgentSession.Airline;
using SkAgentSession.Sessions;

namespace SkAgentSession.Approvals;

/// <summary>
/// Where a turn waits for a person: it stores the turn's items so far with an
/// <see cref="ApprovalRequestItem"/>, announces the request, and waits on an awakeable (the
/// invocation suspends; nothing is held) until the decision comes or the timeout passes, which
/// counts as a rejection. Then it stores the decision, and the turn goes on.
/// </summary>
public sealed class ApprovalGate(AgentRunner<AirlineContext> runner, IOptions<ApprovalOptions> options)
{
    internal async Task<TurnProgress<AirlineContext>> WaitAsync(
        IObjectContext ctx, SessionState state, int turnStart, string turnId, TurnProgress<AirlineContext> progress, TurnAction action)
    {
        var call = (ToolCallItem)progress.CallItem(action.CallId!);
        var request = new ApprovalRequestItem
        {
            Agent = progress.ActiveAgent,
            CallId = call.CallId,
            Name = call.Name,
            Arguments = call.Arguments,
            Status = ApprovalRequestItem.Pending,
            Timestamp = await ctx.Now(),
        };
        progress = progress with { Items = [.. progress.Items, request] };
        state.ReplaceTurnItems(turnStart, progress.Items);
        state.SaveItems(ctx);

        var awakeable = ctx.Awakeable<JsonElement>();
        ctx.Set(PendingApproval.StateKey, new PendingApproval
        {
            TurnId = turnId,
            CallId = call.CallId,
            Agent = progress.ActiveAgent,
            Name = call.Name,
            Arguments = call.Arguments.GetRawText(),
            AwakeableId = awakeable.Id,
        });
        await TurnEvents.ApprovalRequested(ctx, turnId, request);

        var first = await DurableFuture.Any(awakeable.Value, ctx.Timer(options.Value.Timeout, "approval timeout"));
        var decision = first == 0 ? ApprovalDecision.Read(await awakeable.Value) : ApprovalDecision.Timeout;
        ctx.Clear(PendingApproval.StateKey);

        var decided = request with { Status = decision.Status, Comment = decision.Comment };
        progress = progress with { Items = [.. progress.Items.Select(i => ReferenceEquals(i, request) ? decided : i)] };
        progress = runner.Decide(progress, call.CallId, decision, await ctx.Now());
        state.ReplaceTurnItems(turnStart, progress.Items);
        state.SaveItems(ctx);
        await TurnEvents.ApprovalResolved(ctx, turnId, decided, decision.Approved ? null : (ToolResultItem)progress.Items[^1]);
        return progress;
    }
}
