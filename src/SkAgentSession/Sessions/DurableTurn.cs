using Microsoft.Extensions.Options;
using Restate.Sdk;
using SkAgentSession.Agents;
using SkAgentSession.Agents.Loop;
using SkAgentSession.Airline;
using SkAgentSession.Approvals;
using SkAgentSession.Context;
using SkAgentSession.Settings;

namespace SkAgentSession.Sessions;

/// <summary>
/// Runs a turn's actions in durable steps, as the session's settings say: in <c>turn</c> mode as
/// few steps as possible (the whole turn, split only where it waits for an approval), in
/// <c>step</c> mode one step per model request, tool call and handoff. Deciding the next action
/// is handler code: it depends only on the journaled results of the steps before.
/// </summary>
public sealed class DurableTurn(
    AgentRunner<AirlineContext> runner,
    ApprovalGate approvals,
    ContextCompactor compactor,
    IOptions<AgentTurnOptions> turnOptions)
{
    public const string WholeTurnStep = "agent turn";

    public const string TurnAfterApprovalStep = "agent turn (after approval)";

    /// <summary>Runs the turn that answers the last item of <paramref name="state"/> (the user's message) to its end.</summary>
    internal async Task<TurnProgress<AirlineContext>> RunAsync(IObjectContext ctx, SessionState state, SessionSettings settings, TurnEventStream stream)
    {
        var turnStart = state.Items.Count;
        var runOptions = new RunOptions { RetryPolicy = turnOptions.Value.ToRetryPolicy() };
        await compactor.CompactAsync(ctx, state, runOptions);
        var history = ContextWindow.Visible(state.Items, state.Summary);
        var (_, progress) = runner.Begin(new AgentTurnRequest<AirlineContext>(history, state.Agent, state.Context) { Summary = state.Summary?.Text });
        var step = 0;
        for (var action = runner.Next(progress, settings.Approvals); action.Kind != TurnActionKind.Done; action = runner.Next(progress, settings.Approvals))
        {
            if (action.Kind == TurnActionKind.Approval)
            {
                progress = await approvals.WaitAsync(ctx, state, turnStart, stream.TurnId, progress, action);
                continue;
            }

            var before = progress;
            var number = ++step;
            progress = settings.Durability == DurabilityModes.Step
                ? await ctx.Run(
                    action.StepName,
                    ct => AgentTurnStepBody.RunAsync(stream, number, before, (events, t) => runner.ApplyAsync(history, before, action, events, t), ct),
                    runOptions)
                : await ctx.Run(
                    number == 1 ? WholeTurnStep : TurnAfterApprovalStep,
                    ct => AgentTurnStepBody.RunAsync(stream, number, before, (events, t) => runner.RunUntilPauseAsync(history, before, settings.Approvals, events, t), ct),
                    runOptions);
        }

        return progress;
    }
}
