using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using SkAgentSession.Agents;
using SkAgentSession.Airline;
using SkAgentSession.Models;
using SkAgentSession.Models.Scripted;

namespace SkAgentSession.Tests.Support;

/// <summary>
/// An <see cref="AgentRunner{TContext}"/> for the airline agents on the scripted model, through
/// the real Semantic Kernel OpenAI connector (streaming unless told otherwise, with no token delay),
/// with a fake clock and every request body recorded.
/// </summary>
internal sealed class ScriptedHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private readonly HttpClient _http;
    private readonly ILoggerFactory _loggerFactory;

    public ScriptedHarness(
        string? apiKey = null,
        ScriptedModelOptions? scriptedOptions = null,
        int maxModelRequests = 12,
        TimeSpan? requestTimeout = null,
        HttpMessageHandler? model = null,
        AgentCatalog<AirlineContext>? catalog = null,
        bool streaming = true)
    {
        Counter = new ScriptedModelRequestCounter();
        Recorder = new RecordingHandler(model ?? new ScriptedChatModelHandler(Counter, scriptedOptions ?? new ScriptedModelOptions { TokenDelayMs = 0, TestHooks = true }, TimeProvider.System));
        _http = new HttpClient(Recorder)
        {
            BaseAddress = new Uri("http://scripted-model.invalid/v1"),
            Timeout = requestTimeout ?? TimeSpan.FromSeconds(30),
        };
        _loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        ChatService = new OpenAIChatCompletionService(ScriptedChatModelHandler.ModelId, apiKey ?? string.Empty, httpClient: _http, loggerFactory: _loggerFactory);
        Runner = new AgentRunner<AirlineContext>(
            catalog ?? AirlineAgents.CreateCatalog(),
            ChatService,
            Time,
            Options.Create(new AgentRunnerOptions { MaxModelRequestsPerTurn = maxModelRequests, Streaming = streaming }),
            new SecretRedactor(apiKey),
            _loggerFactory.CreateLogger<AgentRunner<AirlineContext>>());
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public ScriptedModelRequestCounter Counter { get; }

    public RecordingHandler Recorder { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public AgentRunner<AirlineContext> Runner { get; }

    /// <summary>The chat completion service the runner uses (the OpenAI connector on the scripted model).</summary>
    public Microsoft.SemanticKernel.ChatCompletion.IChatCompletionService ChatService { get; }

    public void Dispose()
    {
        _http.Dispose();
        _loggerFactory.Dispose();
    }
}
