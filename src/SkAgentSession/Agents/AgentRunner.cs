using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using SkAgentSession.Agents.Loop;
using SkAgentSession.Models;

namespace SkAgentSession.Agents;

/// <summary>
/// Runs agent turns: model requests whose tool calls the runner runs, handoffs between the
/// catalog's agents, until the active agent gives a final answer. A turn is a sequence of actions
/// (<see cref="Next"/>, <see cref="ApplyAsync"/>) over a <see cref="TurnProgress{TContext}"/>, which
/// is data: the whole turn can run inside one durable step, or each action in its own, or the turn
/// can stop where a tool needs a person's approval and go on later; the result is the same. The
/// inputs are never modified. Model responses are streamed (unless
/// <see cref="AgentRunnerOptions.Streaming"/> is off) and each action reports what happens as it
/// happens: <c>model.request</c>, <c>text.delta</c>, <c>tool.call</c>, <c>tool.result</c> and
/// <c>handoff</c>; the deltas concatenate to the reply (see <see cref="TurnReply"/>).
/// </summary>
public sealed partial class AgentRunner<TContext>
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

    /// <summary>Runs a whole turn, with no approvals; see <see cref="AgentTurnRequest{TContext}"/> for the parameters.</summary>
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
        var (history, progress) = Begin(request);
        var events = new TurnEventEmitter(request.Events, request.TurnId);
        progress = await RunUntilPauseAsync(history, progress, approvals: false, events, cancellationToken).ConfigureAwait(false);
        return Result(progress);
    }

    /// <summary>
    /// Starts a turn: the history its actions see (ending with the user's message) and its first
    /// progress. When the request carries the user message, its item is the turn's first new item.
    /// </summary>
    public (IReadOnlyList<SessionItem> History, TurnProgress<TContext> Progress) Begin(AgentTurnRequest<TContext> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.History);
        ArgumentNullException.ThrowIfNull(request.Context);
        var agent = _catalog.Get(request.ActiveAgent);

        List<SessionItem> newItems = [];
        var conversation = request.History;
        if (request.UserMessage is not null)
        {
            newItems.Add(MessageItem.FromUser(agent.Name, request.UserMessage, _time.GetUtcNow()));
            conversation = [.. request.History, newItems[0]];
        }

        if (conversation.Count == 0 || conversation[^1] is not MessageItem { Role: SessionItemRole.User })
        {
            throw new ArgumentException("A turn answers a user message: the history must end with a user message item, or a user message must be given.", nameof(request));
        }

        var progress = new TurnProgress<TContext>
        {
            Items = newItems,
            ActiveAgent = agent.Name,
            Context = CloneContext(request.Context),
            Seed = request.RandomSeed ?? DeriveSeed(request),
            Summary = request.Summary,
        };
        return (request.History, progress);
    }

    /// <summary>What a finished turn produced.</summary>
    public AgentTurnResult<TContext> Result(TurnProgress<TContext> progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (!progress.IsDone)
        {
            throw new InvalidOperationException("The turn has no reply yet.");
        }

        return new AgentTurnResult<TContext>(progress.Items, progress.ActiveAgent, progress.Reply!, progress.Context);
    }

    internal static TContext CloneContext(TContext context) =>
        JsonSerializer.Deserialize<TContext>(JsonSerializer.SerializeToUtf8Bytes(context, SessionItemJson.Options), SessionItemJson.Options)
        ?? throw new ArgumentException("The context serialized to null.", nameof(context));

    private static int DeriveSeed(AgentTurnRequest<TContext> request) =>
        StableHash(
            JsonSerializer.Serialize(request.History, SessionItemJson.Options),
            request.ActiveAgent,
            JsonSerializer.Serialize(request.Context, SessionItemJson.Options),
            request.UserMessage ?? string.Empty);

    /// <summary>FNV-1a over the parts: stable across processes (string.GetHashCode is not).</summary>
    private static int StableHash(params string[] parts)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(string.Join('\n', parts)))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return unchecked((int)hash);
    }
}
