using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using SkAgentSession.Agents.Loop;

namespace SkAgentSession.Agents;

public sealed partial class AgentRunner<TContext>
{
    /// <summary>
    /// Runs one open tool call with the turn's context (a copy; the changed copy is the progress's
    /// next context). A call the agent has no tool for, or whose tool throws, gets an error text as
    /// its result, which the model reads.
    /// </summary>
    private async Task<TurnProgress<TContext>> RunToolAsync(
        TurnProgress<TContext> progress,
        string callId,
        TurnEventEmitter events,
        CancellationToken cancellationToken)
    {
        var agent = _catalog.Get(progress.ActiveAgent);
        var call = (ToolCallItem)progress.CallItem(callId);
        events.ToolCall(agent.Name, callId, call.Name, call.Arguments.GetRawText());
        var run = new AgentRunContext<TContext>(CloneContext(progress.Context), ActionRandom(progress, callId), agent.Name);
        var result = await InvokeAsync(agent, run, call, cancellationToken).ConfigureAwait(false);
        events.ToolResult(agent.Name, callId, call.Name, result);
        return progress with
        {
            Items = [.. progress.Items, new ToolResultItem { Agent = agent.Name, CallId = callId, Name = call.Name, Result = result, Timestamp = _time.GetUtcNow() }],
            OpenCalls = [.. progress.OpenCalls.Where(id => id != callId)],
            Approved = [.. progress.Approved.Where(id => id != callId)],
            Context = run.Context,
        };
    }

    private async Task<string> InvokeAsync(AgentDefinition<TContext> agent, AgentRunContext<TContext> run, ToolCallItem call, CancellationToken cancellationToken)
    {
        var function = agent.Tools.FirstOrDefault(f => f.Name == call.Name);
        if (function is null)
        {
            return $"Error: there is no tool named '{call.Name}'.";
        }

        if (call.Arguments.ValueKind != JsonValueKind.Object)
        {
            return "Error: the arguments are not a JSON object.";
        }

        var arguments = new KernelArguments();
        foreach (var property in call.Arguments.EnumerateObject())
        {
            arguments[property.Name] = property.Value.Clone();
        }

        var kernel = new Kernel { Culture = System.Globalization.CultureInfo.InvariantCulture };
        kernel.Data[AgentRunContext<TContext>.KernelDataKey] = run;
        try
        {
            if (_options.SimulatedToolLatency > TimeSpan.Zero)
            {
                await Task.Delay(_options.SimulatedToolLatency, cancellationToken).ConfigureAwait(false);
            }

            var result = await function.InvokeAsync(kernel, arguments, cancellationToken).ConfigureAwait(false);
            return FunctionResultText.Of(result);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            _logger.LogInformation("Tool {Tool} of agent {Agent} failed; the model is told.", call.Name, agent.Name);
            return FunctionResultText.Failed(failure);
        }
    }

    /// <summary>
    /// Hands the conversation to the handoff's target: runs the target's handoff action on the
    /// context, and answers the calls of the same response after the handoff, which are not run.
    /// </summary>
    private TurnProgress<TContext> HandOff(TurnProgress<TContext> progress, string callId, TurnEventEmitter events)
    {
        var handoff = (HandoffItem)progress.CallItem(callId);
        var target = _catalog.Get(handoff.To);
        var run = new AgentRunContext<TContext>(CloneContext(progress.Context), ActionRandom(progress, callId), target.Name);
        target.OnHandoff?.Invoke(run);
        events.Handoff(handoff.From, target.Name, callId);
        _logger.LogInformation("Handoff from {From} to {To}.", handoff.From, target.Name);

        var now = _time.GetUtcNow();
        var notRun = CallsAfter(progress.Items, handoff)
            .Select(call => new ToolResultItem
            {
                Agent = handoff.From,
                CallId = call.CallId,
                Name = call.Name,
                Result = $"Not run: the conversation was handed to the {target.Name} first.",
                Timestamp = now,
            })
            .ToList();
        foreach (var call in CallsAfter(progress.Items, handoff))
        {
            events.ToolCall(handoff.From, call.CallId, call.Name, call.Arguments.GetRawText());
        }

        foreach (var result in notRun)
        {
            events.ToolResult(handoff.From, result.CallId, result.Name, result.Result);
        }

        return progress with
        {
            Items = [.. progress.Items, .. notRun],
            OpenCalls = [],
            Approved = [],
            ActiveAgent = target.Name,
            Context = run.Context,
        };
    }

    /// <summary>The calls of the handoff's model response that come after it.</summary>
    private static IEnumerable<ToolCallItem> CallsAfter(IReadOnlyList<SessionItem> items, HandoffItem handoff)
    {
        var index = items.ToList().IndexOf(handoff);
        for (var i = index + 1; i < items.Count && items[i] is ToolCallItem call; i++)
        {
            yield return call;
        }
    }

    /// <summary>Each tool and handoff action gets its own random source, seeded by the turn and the call, so any order of steps gives the same values.</summary>
    private static Random ActionRandom(TurnProgress<TContext> progress, string callId) =>
        new(StableHash(progress.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), callId));
}
