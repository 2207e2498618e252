using SkAgentSession.Agents.Loop;

namespace SkAgentSession.Agents;

public sealed partial class AgentRunner<TContext>
{
    /// <summary>
    /// The turn's next action, decided from <paramref name="progress"/> alone: a model request when
    /// no call is open, else the first open call (a handoff, a tool, or the approval that tool
    /// needs first when <paramref name="approvals"/> is on).
    /// </summary>
    public TurnAction Next(TurnProgress<TContext> progress, bool approvals)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (progress.IsDone)
        {
            return TurnAction.Done;
        }

        if (progress.OpenCalls.Count == 0)
        {
            return new TurnAction(TurnActionKind.ModelRequest, RequestNumber: progress.Requests + 1);
        }

        var callId = progress.OpenCalls[0];
        switch (progress.CallItem(callId))
        {
            case HandoffItem handoff:
                return new TurnAction(TurnActionKind.Handoff, CallId: callId, Name: handoff.To);
            case ToolCallItem call when approvals && NeedsApproval(progress.ActiveAgent, call.Name) && !progress.Approved.Contains(callId):
                return new TurnAction(TurnActionKind.Approval, CallId: callId, Name: call.Name);
            case var call:
                return new TurnAction(TurnActionKind.Tool, CallId: callId, Name: ((ToolCallItem)call).Name);
        }
    }

    /// <summary>Runs one action (not <see cref="TurnActionKind.Approval"/>) and returns the progress after it.</summary>
    internal Task<TurnProgress<TContext>> ApplyAsync(
        IReadOnlyList<SessionItem> history,
        TurnProgress<TContext> progress,
        TurnAction action,
        TurnEventEmitter events,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(events);
        return action.Kind switch
        {
            TurnActionKind.ModelRequest => RequestModelAsync(history, progress, action.RequestNumber, events, cancellationToken),
            TurnActionKind.Tool => RunToolAsync(progress, action.CallId!, events, cancellationToken),
            TurnActionKind.Handoff => Task.FromResult(HandOff(progress, action.CallId!, events)),
            _ => throw new InvalidOperationException($"A {action.Kind} action is not run by the runner."),
        };
    }

    /// <summary>Runs actions until the turn has its reply or waits for an approval.</summary>
    internal async Task<TurnProgress<TContext>> RunUntilPauseAsync(
        IReadOnlyList<SessionItem> history,
        TurnProgress<TContext> progress,
        bool approvals,
        TurnEventEmitter events,
        CancellationToken cancellationToken)
    {
        for (var action = Next(progress, approvals); action.IsStep; action = Next(progress, approvals))
        {
            progress = await ApplyAsync(history, progress, action, events, cancellationToken).ConfigureAwait(false);
        }

        return progress;
    }

    /// <summary>
    /// Records the person's decision about an open call waiting for approval: an approved call runs
    /// as its turn comes; any other decision answers the call at once with a result that says it was
    /// not run.
    /// </summary>
    public TurnProgress<TContext> Decide(TurnProgress<TContext> progress, string callId, ApprovalDecision decision, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(decision);
        if (!progress.OpenCalls.Contains(callId) || progress.CallItem(callId) is not ToolCallItem call)
        {
            throw new InvalidOperationException($"No open tool call '{callId}' waits for a decision.");
        }

        if (decision.Approved)
        {
            return progress with { Approved = [.. progress.Approved, callId] };
        }

        var result = new ToolResultItem { Agent = call.Agent, CallId = callId, Name = call.Name, Result = decision.NotRunResult(), Timestamp = timestamp };
        return progress with
        {
            Items = [.. progress.Items, result],
            OpenCalls = [.. progress.OpenCalls.Where(id => id != callId)],
        };
    }

    private bool NeedsApproval(string agent, string tool) => _catalog.Get(agent).ToolsNeedingApproval.Contains(tool, StringComparer.Ordinal);
}
