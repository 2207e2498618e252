using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using SkAgentSession.Models;

namespace SkAgentSession.Agents;

/// <summary>
/// Runs one whole agent turn: model requests with automatic tool calling, handoffs between the
/// catalog's agents, until the active agent gives a final answer. Everything the turn produces
/// comes back as data in <see cref="AgentTurnResult{TContext}"/>, so the turn can run inside a
/// single durable step; the inputs are never modified. Model responses are streamed (unless
/// <see cref="AgentRunnerOptions.Streaming"/> is off) and the turn reports what happens as it
/// happens to <see cref="AgentTurnRequest{TContext}.Events"/>: <c>model.request</c>,
/// <c>text.delta</c>, <c>tool.call</c>, <c>tool.result</c> and <c>handoff</c>; the deltas
/// concatenate to <see cref="AgentTurnResult{TContext}.Reply"/> (see <see cref="TurnReply"/>).
/// </summary>
public sealed class AgentRunner<TContext>
    where TContext : class
{
    private readonly AgentCatalog<TContext> _catalog;
    private readonly IChatCompletionService _chat;
    private readonly TimeProvider _time;
    private readonly AgentRunnerOptions _options;
    private readonly SecretRedactor _redactor;
    private readonly ILogger _logger;
    private readonly Dictionary<string, KernelFunction> _handoffFunctions;

    public AgentRunner(
        AgentCatalog<TContext> catalog,
        IChatCompletionService chat,
        TimeProvider time,
        IOptions<AgentRunnerOptions> options,
        SecretRedactor redactor,
        ILogger<AgentRunner<TContext>> logger)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(redactor);
        ArgumentNullException.ThrowIfNull(logger);
        _catalog = catalog;
        _chat = chat;
        _time = time;
        _options = options.Value;
        _redactor = redactor;
        _logger = logger;
        if (_options.MaxModelRequestsPerTurn < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxModelRequestsPerTurn, "MaxModelRequestsPerTurn must be at least 1.");
        }

        _handoffFunctions = catalog.Agents.ToDictionary(
            a => a.Name,
            a => KernelFunctionFactory.CreateFromMethod(
                () => HandoffFunctions.Result(a.Name),
                HandoffFunctions.FunctionName(a.Name),
                HandoffFunctions.Description(a.Name, a.HandoffDescription)),
            StringComparer.Ordinal);
    }

    public AgentCatalog<TContext> Catalog => _catalog;

    /// <summary>Runs a turn; see <see cref="AgentTurnRequest{TContext}"/> for the parameters.</summary>
    /// <exception cref="ArgumentException">Unknown agent, or no user message to answer.</exception>
    /// <exception cref="InvalidDataException">The history is not a consistent conversation.</exception>
    /// <exception cref="RetryableModelException">The model failed transiently (timeout, 429, 5xx, no connection).</exception>
    /// <exception cref="NonRetryableModelException">The model endpoint rejected the request (bad key, …).</exception>
    /// <exception cref="AgentStepLimitExceededException">No final answer within the request budget.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (in a request, the stream or a tool).</exception>
    public Task<AgentTurnResult<TContext>> RunTurnAsync(
        IReadOnlyList<SessionItem> history,
        string activeAgent,
        TContext context,
        string? userMessage = null,
        CancellationToken cancellationToken = default) =>
        RunTurnAsync(new AgentTurnRequest<TContext>(history, activeAgent, context) { UserMessage = userMessage }, cancellationToken);

    /// <inheritdoc cref="RunTurnAsync(IReadOnlyList{SessionItem}, string, TContext, string?, CancellationToken)"/>
    public async Task<AgentTurnResult<TContext>> RunTurnAsync(AgentTurnRequest<TContext> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.History);
        ArgumentNullException.ThrowIfNull(request.Context);
        var agent = _catalog.Get(request.ActiveAgent);

        var newItems = new List<SessionItem>();
        var conversation = request.History;
        if (request.UserMessage is not null)
        {
            var user = MessageItem.FromUser(agent.Name, request.UserMessage, _time.GetUtcNow());
            newItems.Add(user);
            conversation = [.. request.History, user];
        }

        if (conversation.Count == 0 || conversation[^1] is not MessageItem { Role: SessionItemRole.User })
        {
            throw new ArgumentException("A turn answers a user message: the history must end with a user message item, or a user message must be given.", nameof(request));
        }

        var run = new AgentRunContext<TContext>(
            CloneContext(request.Context),
            new Random(request.RandomSeed ?? DeriveSeed(request)),
            agent.Name);
        var history = ChatHistoryMapper.ToChatHistory(agent.Instructions(run.Context), conversation);
        var events = new TurnEventEmitter(request.Events, request.TurnId);
        return await RunOnHistoryAsync(history, run, newItems, events, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The turn loop over a live history (its first message is the system prompt of
    /// <see cref="AgentRunContext{TContext}.ActiveAgent"/>). Appends to <paramref name="history"/>
    /// exactly what the model saw, including the final answer.
    /// </summary>
    internal async Task<AgentTurnResult<TContext>> RunOnHistoryAsync(
        ChatHistory history,
        AgentRunContext<TContext> run,
        List<SessionItem> newItems,
        TurnEventEmitter events,
        CancellationToken cancellationToken)
    {
        var agent = _catalog.Get(run.ActiveAgent);
        var max = _options.MaxModelRequestsPerTurn;
        var requests = 0;
        while (true)
        {
            var filter = new AgentTurnFilter<TContext>(
                agent, run, agent.Handoffs.ToDictionary(HandoffFunctions.FunctionName, t => t, StringComparer.Ordinal), requests, max, events)
            {
                ToolLatency = _options.SimulatedToolLatency,
            };
            var kernel = BuildKernel(agent, run, filter);
            var settings = new PromptExecutionSettings
            {
                FunctionChoiceBehavior = kernel.Plugins.GetFunctionsMetadata().Count > 0 ? FunctionChoiceBehavior.Auto() : null,
            };

            var before = history.Count;
            events.ModelRequest(agent.Name, requests + 1);
            ModelCallAnswer answer;
            try
            {
                answer = _options.Streaming
                    ? await StreamModelCallAsync(history, settings, kernel, agent.Name, requests, events, cancellationToken).ConfigureAwait(false)
                    : await CompleteModelCallAsync(history, settings, kernel, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                // A stream cut by the cancellation may end in an I/O error: it is the cancellation all the same.
                throw new OperationCanceledException("The turn was cancelled.", ex, cancellationToken);
            }
            catch (Exception ex) when (ModelErrorClassifier.TryClassify(ex, _redactor, cancellationToken, out var classified))
            {
                _logger.LogWarning("Model request failed for agent {Agent} (status {Status}, retryable {Retryable}).", agent.Name, classified.StatusCode, classified.IsRetryable);
                throw classified;
            }

            cancellationToken.ThrowIfCancellationRequested();

            requests += history.Skip(before).Count(m => m.Role == AuthorRole.Assistant) + (filter.Terminated ? 0 : 1);
            if (filter.LimitReached)
            {
                throw new AgentStepLimitExceededException(max, agent.Name);
            }

            if (filter.Handoff is { } handoff)
            {
                AnswerCallsNotRun(history, before, $"Not run: the conversation was handed to the {handoff.To} first.");
                events.ReportUnreported(agent.Name, history.Skip(before));
                newItems.AddRange(ChatHistoryMapper.ToItems(history.Skip(before), agent.Name, handoff, _time.GetUtcNow()));
                _logger.LogInformation("Handoff from {From} to {To}.", agent.Name, handoff.To);

                agent = _catalog.Get(handoff.To);
                run.ActiveAgent = agent.Name;
                agent.OnHandoff?.Invoke(run);
                history[0] = new ChatMessageContent(AuthorRole.System, agent.Instructions(run.Context));
                if (requests >= max)
                {
                    throw new AgentStepLimitExceededException(max, agent.Name);
                }

                continue;
            }

            events.ReportUnreported(agent.Name, history.Skip(before));
            newItems.AddRange(ChatHistoryMapper.ToItems(history.Skip(before), agent.Name, handoff: null, _time.GetUtcNow()));
            if (answer.EndsWithCalls)
            {
                // The connector stopped invoking functions on its own (its internal limit).
                throw new AgentStepLimitExceededException(max, agent.Name);
            }

            history.Add(answer.Message);
            events.CompleteMessage(agent.Name, answer.Text);
            newItems.Add(MessageItem.FromAssistant(agent.Name, answer.Text, _time.GetUtcNow()));
            _logger.LogInformation("Agent turn done: {Agent} answered after {Requests} model requests, {Items} new items.", agent.Name, requests, newItems.Count);
            return new AgentTurnResult<TContext>(newItems, agent.Name, TurnReply.Of(newItems), run.Context);
        }
    }

    /// <summary>
    /// One streamed model call: the connector's automatic function calling may make several
    /// requests; each response's text is reported as it arrives, and the last response (the one
    /// without calls that were run) is the answer.
    /// </summary>
    private async Task<ModelCallAnswer> StreamModelCallAsync(
        ChatHistory history,
        PromptExecutionSettings settings,
        Kernel kernel,
        string agent,
        int requestsBefore,
        TurnEventEmitter events,
        CancellationToken cancellationToken)
    {
        var start = history.Count;
        var responsesBefore = 0;
        var text = new StringBuilder();
        var calls = false;
        var stream = _chat.GetStreamingChatMessageContentsAsync(history, settings, kernel, cancellationToken);
        await foreach (var update in stream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (update.Role == AuthorRole.Tool)
            {
                // The connector repeats the last function result when a filter ended the calls.
                continue;
            }

            // The connector adds a response's call message to the history before it runs the
            // calls and asks again: more call messages than seen means a new response. (The
            // filter announced it already, unless the connector answered the calls itself.)
            var responses = history.Skip(start).Count(m => m.Role == AuthorRole.Assistant);
            if (responses > responsesBefore)
            {
                responsesBefore = responses;
                text.Clear();
                calls = false;
                events.ReportUnreported(agent, history.Skip(start));
                events.ModelRequest(agent, requestsBefore + responses + 1);
            }

            text.Append(update.Content);
            events.TextDelta(agent, update.Content);
            calls |= update.Items.OfType<StreamingFunctionCallUpdateContent>().Any();
        }

        var answer = text.ToString();
        return new ModelCallAnswer(new ChatMessageContent(AuthorRole.Assistant, answer), answer, calls);
    }

    private async Task<ModelCallAnswer> CompleteModelCallAsync(
        ChatHistory history,
        PromptExecutionSettings settings,
        Kernel kernel,
        CancellationToken cancellationToken)
    {
        var responses = await _chat.GetChatMessageContentsAsync(history, settings, kernel, cancellationToken).ConfigureAwait(false);
        var answer = responses.Count > 0
            ? responses[0]
            : throw new InvalidOperationException("The chat completion service returned no message.");
        return new ModelCallAnswer(answer, answer.Content ?? string.Empty, answer.Items.OfType<FunctionCallContent>().Any());
    }

    internal static TContext CloneContext(TContext context) =>
        JsonSerializer.Deserialize<TContext>(JsonSerializer.SerializeToUtf8Bytes(context, SessionItemJson.Options), SessionItemJson.Options)
        ?? throw new ArgumentException("The context serialized to null.", nameof(context));

    private Kernel BuildKernel(AgentDefinition<TContext> agent, AgentRunContext<TContext> run, AgentTurnFilter<TContext> filter)
    {
        var functions = agent.Tools.Concat(agent.Handoffs.Select(target => _handoffFunctions[target]));
        var kernel = new Kernel(services: null, plugins: [new AgentToolPlugin("agent", functions)])
        {
            Culture = System.Globalization.CultureInfo.InvariantCulture,
        };
        kernel.Data[AgentRunContext<TContext>.KernelDataKey] = run;
        kernel.AutoFunctionInvocationFilters.Add(filter);
        return kernel;
    }

    /// <summary>
    /// After a handoff stopped auto-invocation, calls of the same model response that did not run
    /// still need a result, or the next request is invalid.
    /// </summary>
    private static void AnswerCallsNotRun(ChatHistory history, int start, string text)
    {
        var callMessage = history.Skip(start).LastOrDefault(m => m.Role == AuthorRole.Assistant);
        if (callMessage is null)
        {
            return;
        }

        var answered = history.Skip(start)
            .SelectMany(m => m.Items.OfType<FunctionResultContent>())
            .Select(r => r.CallId)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var call in callMessage.Items.OfType<FunctionCallContent>())
        {
            if (call.Id is not null && !answered.Contains(call.Id))
            {
                var message = new ChatMessageContent(AuthorRole.Tool, content: text);
                message.Items.Add(new FunctionResultContent(call.FunctionName, call.PluginName, call.Id, text));
                history.Add(message);
            }
        }
    }

    private static int DeriveSeed(AgentTurnRequest<TContext> request)
    {
        // FNV-1a over the turn's inputs: stable across processes (string.GetHashCode is not).
        var text = string.Join(
            '\n',
            JsonSerializer.Serialize(request.History, SessionItemJson.Options),
            request.ActiveAgent,
            JsonSerializer.Serialize(request.Context, SessionItemJson.Options),
            request.UserMessage ?? string.Empty);
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return unchecked((int)hash);
    }
}
