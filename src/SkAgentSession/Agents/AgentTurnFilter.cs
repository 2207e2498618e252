using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace SkAgentSession.Agents;

/// <summary>
/// Watches the function calls of one model call (one active agent): stops auto-invocation after a
/// handoff function ran or when the turn's request budget is spent, and re-renders the agent's
/// system prompt after each function so the next request sees the changed context.
/// </summary>
internal sealed class AgentTurnFilter<TContext> : IAutoFunctionInvocationFilter
    where TContext : class
{
    private readonly AgentDefinition<TContext> _agent;
    private readonly AgentRunContext<TContext> _run;
    private readonly IReadOnlyDictionary<string, string> _handoffTargets;
    private readonly int _requestsBefore;
    private readonly int _maxRequests;

    public AgentTurnFilter(
        AgentDefinition<TContext> agent,
        AgentRunContext<TContext> run,
        IReadOnlyDictionary<string, string> handoffTargets,
        int requestsBefore,
        int maxRequests)
    {
        _agent = agent;
        _run = run;
        _handoffTargets = handoffTargets;
        _requestsBefore = requestsBefore;
        _maxRequests = maxRequests;
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

        await next(context).ConfigureAwait(false);

        if (_handoffTargets.TryGetValue(context.Function.Name, out var target) && context.ToolCallId is { } callId)
        {
            Handoff = new ExecutedHandoff(callId, target);
            context.Terminate = true;
        }

        if (context.ChatHistory.Count > 0 && context.ChatHistory[0].Role == AuthorRole.System)
        {
            context.ChatHistory[0] = new ChatMessageContent(AuthorRole.System, _agent.Instructions(_run.Context));
        }
    }
}
