using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using SkAgentSession.Agents.Loop;
using SkAgentSession.Models;
using SkAgentSession.Telemetry;

namespace SkAgentSession.Agents;

public sealed partial class AgentRunner<TContext>
{
    /// <summary>
    /// One model request of the active agent over the history and the turn's items so far. A
    /// response without calls is the final answer; one with calls adds its text (if any) and its
    /// calls, and opens the calls up to the first handoff to one of the agent's targets (the calls
    /// after it are answered when the handoff runs).
    /// </summary>
    private async Task<TurnProgress<TContext>> RequestModelAsync(
        IReadOnlyList<SessionItem> history,
        TurnProgress<TContext> progress,
        int number,
        TurnEventEmitter events,
        CancellationToken cancellationToken)
    {
        var agent = _catalog.Get(progress.ActiveAgent);
        events.ModelRequest(agent.Name, number);
        var chatHistory = ChatHistoryMapper.ToChatHistory(agent.Instructions(progress.Context), progress.Summary, [.. history, .. progress.Items]);
        var kernel = BuildKernel(agent);
        var settings = new PromptExecutionSettings
        {
            FunctionChoiceBehavior = kernel.Plugins.GetFunctionsMetadata().Count > 0 ? FunctionChoiceBehavior.Auto(autoInvoke: false) : null,
        };

        ModelResponse response;
        var activity = ModelRequestTelemetry.Start(agent.Name, number);
        try
        {
            (response, var usage) = _options.Streaming
                ? await StreamResponseAsync(chatHistory, settings, kernel, agent.Name, events, cancellationToken).ConfigureAwait(false)
                : await CompleteResponseAsync(chatHistory, settings, kernel, cancellationToken).ConfigureAwait(false);
            ModelRequestTelemetry.Succeeded(activity, agent.Name, usage);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            // A stream cut by the cancellation may end in an I/O error: it is the cancellation all the same.
            ModelRequestTelemetry.Failed(activity, agent.Name, ex);
            throw new OperationCanceledException("The turn was cancelled.", ex, cancellationToken);
        }
        catch (Exception ex) when (ModelErrorClassifier.TryClassify(ex, _redactor, cancellationToken, out var classified))
        {
            ModelRequestTelemetry.Failed(activity, agent.Name, classified);
            _logger.LogWarning("Model request failed for agent {Agent} (status {Status}, retryable {Retryable}, {Cause}).", agent.Name, classified.StatusCode, classified.IsRetryable, classified.CauseType);
            throw classified;
        }
        catch (Exception ex)
        {
            ModelRequestTelemetry.Failed(activity, agent.Name, ex);
            throw;
        }

        cancellationToken.ThrowIfCancellationRequested();
        events.CompleteMessage(agent.Name, response.Text);
        var now = _time.GetUtcNow();
        if (response.Calls.Count == 0)
        {
            IReadOnlyList<SessionItem> items = [.. progress.Items, MessageItem.FromAssistant(agent.Name, response.Text, now)];
            _logger.LogInformation("Agent turn done: {Agent} answered after {Requests} model requests, {Items} new items.", agent.Name, number, items.Count);
            return progress with { Items = items, Requests = number, Reply = TurnReply.Of(items) };
        }

        if (number >= _options.MaxModelRequestsPerTurn)
        {
            // Running these calls would lead to one more model request than the budget allows.
            throw new AgentStepLimitExceededException(_options.MaxModelRequestsPerTurn, agent.Name);
        }

        var added = new List<SessionItem>();
        if (response.Text.Length > 0)
        {
            added.Add(MessageItem.FromAssistant(agent.Name, response.Text, now));
        }

        var handoffIndex = FirstHandoff(agent, response.Calls);
        var open = new List<string>();
        for (var i = 0; i < response.Calls.Count; i++)
        {
            var call = response.Calls[i];
            added.Add(i == handoffIndex
                ? new HandoffItem { Agent = agent.Name, From = agent.Name, To = HandoffTarget(agent, call.Name)!, CallId = call.CallId, Timestamp = now }
                : new ToolCallItem { Agent = agent.Name, CallId = call.CallId, Name = call.Name, Arguments = ChatHistoryMapper.ParseArguments(call.Arguments), Timestamp = now });
            if (handoffIndex < 0 || i <= handoffIndex)
            {
                open.Add(call.CallId);
            }
        }

        return progress with { Items = [.. progress.Items, .. added], Requests = number, OpenCalls = open };
    }

    /// <summary>The index of the first call that hands the conversation to one of the agent's targets, or -1.</summary>
    private static int FirstHandoff(AgentDefinition<TContext> agent, IReadOnlyList<ModelToolCall> calls)
    {
        for (var i = 0; i < calls.Count; i++)
        {
            if (HandoffTarget(agent, calls[i].Name) is not null)
            {
                return i;
            }
        }

        return -1;
    }

    private static string? HandoffTarget(AgentDefinition<TContext> agent, string functionName) =>
        agent.Handoffs.FirstOrDefault(target => HandoffFunctions.FunctionName(target) == functionName);

    /// <summary>One streamed response: its text is reported as it arrives; its calls are assembled from their pieces.</summary>
    private async Task<(ModelResponse Response, ModelUsage? Usage)> StreamResponseAsync(
        ChatHistory history,
        PromptExecutionSettings settings,
        Kernel kernel,
        string agent,
        TurnEventEmitter events,
        CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        ModelUsage? usage = null;
        var calls = new SortedDictionary<int, (string? Id, string? Name, StringBuilder Arguments)>();
        var stream = _chat.GetStreamingChatMessageContentsAsync(history, settings, kernel, cancellationToken);
        await foreach (var update in stream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            text.Append(update.Content);
            events.TextDelta(agent, update.Content);
            usage = ModelUsage.From(update.Metadata) ?? usage;
            foreach (var piece in update.Items.OfType<StreamingFunctionCallUpdateContent>())
            {
                if (!calls.TryGetValue(piece.FunctionCallIndex, out var call))
                {
                    call = (null, null, new StringBuilder());
                }

                call.Arguments.Append(piece.Arguments);
                calls[piece.FunctionCallIndex] = (call.Id ?? piece.CallId, call.Name ?? piece.Name, call.Arguments);
            }
        }

        var response = new ModelResponse(
            text.ToString(),
            [.. calls.Values.Select(c => new ModelToolCall(
                c.Id ?? throw new InvalidDataException("The model streamed a tool call without an id."),
                c.Name ?? throw new InvalidDataException("The model streamed a tool call without a name."),
                c.Arguments.ToString()))]);
        return (response, usage);
    }

    private async Task<(ModelResponse Response, ModelUsage? Usage)> CompleteResponseAsync(
        ChatHistory history,
        PromptExecutionSettings settings,
        Kernel kernel,
        CancellationToken cancellationToken)
    {
        var responses = await _chat.GetChatMessageContentsAsync(history, settings, kernel, cancellationToken).ConfigureAwait(false);
        var message = responses.Count > 0
            ? responses[0]
            : throw new InvalidOperationException("The chat completion service returned no message.");
        var calls = message.Items.OfType<FunctionCallContent>()
            .Select(call => new ModelToolCall(
                call.Id ?? throw new InvalidDataException("The model sent a tool call without an id."),
                call.FunctionName,
                ChatHistoryMapper.RawArguments(message, call) is var raw && raw.ValueKind == System.Text.Json.JsonValueKind.String ? raw.GetString()! : raw.GetRawText()));
        return (new ModelResponse(message.Content ?? string.Empty, [.. calls]), ModelUsage.From(message.Metadata));
    }

    /// <summary>A kernel that describes the agent's tools and handoffs to the model; the runner runs the calls itself.</summary>
    private Kernel BuildKernel(AgentDefinition<TContext> agent)
    {
        var functions = agent.Tools.Concat(agent.Handoffs.Select(target => _handoffFunctions[target]));
        return new Kernel(services: null, plugins: [new AgentToolPlugin("agent", functions)])
        {
            Culture = System.Globalization.CultureInfo.InvariantCulture,
        };
    }
}
