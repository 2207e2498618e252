using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace SkAgentSession.Agents;

/// <summary>
/// Watches the function calls of one model call (one active agent): stops auto-invocation after a
/// handoff function ran or when the turn's request budget is spent, and re-renders the agent's
/// system prompt after each function so the next request sees the changed context. Reports the
/// calls as they run: text the response wrote before its calls (when not streamed already), each
/// tool call and its result, the handoff, and the model request that follows a response's calls.
/// </summary>
internal sealed class AgentTurnFilter<TContext> : IAutoFunctionInvocationFilter
    where TContext : class
{
    private readonly AgentDefinition<TContext> _agent;
    private readonly AgentRunContext<TContext> _run;
    private readonly IReadOnlyDictionary<string, string> _handoffTargets;
    private readonly int _requestsBefore;
    private readonly int _maxRequests;
    private readonly TurnEventEmitter _events;

    /// <summary>See <see cref="AgentRunnerOptions.SimulatedToolLatency"/>.</summary>
    public TimeSpan ToolLatency { get; init; }

    public AgentTurnFilter(
        AgentDefinition<TContext> agent,
        AgentRunContext<TContext> run,
        IReadOnlyDictionary<string, string> handoffTargets,
        int requestsBefore,
        int maxRequests,
        TurnEventEmitter events)
    {
        _agent = agent;
        _run = run;
        _handoffTargets = handoffTargets;
        _requestsBefore = requestsBefore;
        _maxRequests = maxRequests;
        _events = events;
    }

    public ExecutedHandoff? Handoff { get; private set; }

    public bool LimitReached { get; private set; }

    public bool Terminated => Handoff is not null || LimitReached;

    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        // Running these calls would lead to one more model request than the budget allows.
        if (_requestsBefore + context.RequestSequenceIndex + 1 >= _maxRequests)
        {
            LimitReached = true;
            context.Terminate = true;
            return;
        }

        // Text the response wrote before its calls, unless it was streamed (then this sends nothing).
        _events.CompleteMessage(_agent.Name, context.ChatMessageContent.Content);

        var name = context.Function.Name;
        var callId = context.ToolCallId;
        var handoffTarget = _handoffTargets.GetValueOrDefault(name);
        if (handoffTarget is null && callId is not null)
        {
            _events.ToolCall(_agent.Name, callId, name, ArgumentsText(context.ChatMessageContent, callId));
        }

        try
        {
            if (handoffTarget is null && ToolLatency > TimeSpan.Zero)
            {
                await Task.Delay(ToolLatency, context.CancellationToken).ConfigureAwait(false);
            }

            await next(context).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // The connector turns the exception into this result and carries on.
            if (handoffTarget is null && callId is not null)
            {
                _events.ToolResult(_agent.Name, callId, name, FunctionResultText.Failed(failure));
            }

            AnnounceNextRequest(context);
            throw;
        }

        if (handoffTarget is not null && callId is not null)
        {
            Handoff = new ExecutedHandoff(callId, handoffTarget);
            context.Terminate = true;
            _events.Handoff(_agent.Name, handoffTarget, callId);
        }
        else if (callId is not null)
        {
            _events.ToolResult(_agent.Name, callId, name, FunctionResultText.Of(context.Result));
        }

        if (context.ChatHistory.Count > 0 && context.ChatHistory[0].Role == AuthorRole.System)
        {
            context.ChatHistory[0] = new ChatMessageContent(AuthorRole.System, _agent.Instructions(_run.Context));
        }

        AnnounceNextRequest(context);
    }

    private static string ArgumentsText(ChatMessageContent message, string callId) =>
        message.Items.OfType<FunctionCallContent>().FirstOrDefault(c => c.Id == callId) is { } call
            ? ChatHistoryMapper.RawArguments(message, call).GetRawText()
            : "{}";

    /// <summary>After the last call of a response the connector asks the model again, unless the calls were ended.</summary>
    private void AnnounceNextRequest(AutoFunctionInvocationContext context)
    {
        if (!context.Terminate && context.FunctionSequenceIndex == context.FunctionCount - 1)
        {
            _events.ModelRequest(_agent.Name, _requestsBefore + context.RequestSequenceIndex + 2);
        }
    }
}
