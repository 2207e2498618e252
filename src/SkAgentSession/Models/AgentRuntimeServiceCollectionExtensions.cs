using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using SkAgentSession.Agents;
using SkAgentSession.Airline;
using SkAgentSession.Models;
using SkAgentSession.Models.Scripted;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the agents and the model behind them.</summary>
public static class AgentRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the chat model (<see cref="ModelOptions"/> decides: OpenAI / an OpenAI-compatible
    /// server, or the scripted demo model), <see cref="ModelInfo"/>, <see cref="SecretRedactor"/>,
    /// <see cref="ScriptedModelRequestCounter"/>, the airline <see cref="AgentCatalog{TContext}"/>
    /// (unless one is registered already) and <see cref="AgentRunner{TContext}"/> for
    /// <see cref="AirlineContext"/>. Runner limits bind from the <c>AgentRunner</c> section.
    /// </summary>
    /// <remarks>
    /// The OpenAI client's own retries are off: Semantic Kernel disables them whenever it is given
    /// an <see cref="HttpClient"/>, which is always the case here, and the client's timeout is
    /// <see cref="ModelOptions.RequestTimeout"/>. Failures surface once, classified as
    /// <see cref="RetryableModelException"/> or <see cref="NonRetryableModelException"/>, and the
    /// caller (the durable step) owns the retry policy.
    /// </remarks>
    public static IServiceCollection AddAgentRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var model = ModelOptions.FromConfiguration(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(model);
        services.AddSingleton(model.Info);
        services.AddSingleton(new SecretRedactor(model.ApiKey));
        services.AddSingleton<ScriptedModelRequestCounter>();

        var scripted = new ScriptedModelOptions();
        configuration.GetSection(ScriptedModelOptions.SectionName).Bind(scripted);
        scripted.CallLogPath ??= configuration[ScriptedModelOptions.CallLogEnvironmentVariable]
            ?? Environment.GetEnvironmentVariable(ScriptedModelOptions.CallLogEnvironmentVariable);
        services.AddSingleton(scripted);

        services.AddSingleton<IChatCompletionService>(sp => CreateChatService(sp, model));

        services.AddOptions<AgentRunnerOptions>().Bind(configuration.GetSection("AgentRunner"));
        services.TryAddSingleton(_ => AirlineAgents.CreateCatalog());
        services.TryAddSingleton<AgentRunner<AirlineContext>>();
        return services;
    }

    private static OpenAIChatCompletionService CreateChatService(IServiceProvider services, ModelOptions model)
    {
        var loggerFactory = services.GetService<ILoggerFactory>();
        if (model.IsScripted)
        {
            var handler = new ScriptedChatModelHandler(
                services.GetRequiredService<ScriptedModelRequestCounter>(),
                services.GetRequiredService<ScriptedModelOptions>(),
                services.GetRequiredService<TimeProvider>());
            // A reserved, unresolvable host: the handler answers every request, nothing leaves the process.
            var scriptedClient = new HttpClient(handler)
            {
                BaseAddress = new Uri("http://scripted-model.invalid/v1"),
                Timeout = model.RequestTimeout,
            };
            return new OpenAIChatCompletionService(ScriptedChatModelHandler.ModelId, apiKey: string.Empty, httpClient: scriptedClient, loggerFactory: loggerFactory);
        }

        var transport = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        // The connector takes a custom endpoint from the client's BaseAddress (and then accepts an empty key).
        var client = new HttpClient(transport)
        {
            BaseAddress = model.BaseUrl,
            Timeout = model.RequestTimeout,
        };
        return new OpenAIChatCompletionService(model.ModelId, model.ApiKey ?? string.Empty, httpClient: client, loggerFactory: loggerFactory);
    }
}
