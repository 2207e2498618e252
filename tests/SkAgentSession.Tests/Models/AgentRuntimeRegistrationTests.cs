using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel.ChatCompletion;
using SkAgentSession.Agents;
using SkAgentSession.Airline;
using SkAgentSession.Models;
using SkAgentSession.Models.Scripted;
using SkAgentSession.Tests.Support;

namespace SkAgentSession.Tests.Models;

public sealed class AgentRuntimeRegistrationTests
{
    private const string Key = "sk-test-0123456789abcdefSECRET";

    private static ServiceProvider Build(Dictionary<string, string?> settings, CapturingLoggerProvider? logs = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        services.AddAgentRuntime(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Without_a_key_the_scripted_model_runs_the_airline_agents()
    {
        await using var services = Build([]);

        var info = services.GetRequiredService<ModelInfo>();
        Assert.Equal(new ModelInfo("scripted-demo", true, "Scripted demo model (not a real LLM)"), info);
        Assert.Equal("""{"id":"scripted-demo","isScripted":true,"label":"Scripted demo model (not a real LLM)"}""", JsonSerializer.Serialize(info));

        var runner = services.GetRequiredService<AgentRunner<AirlineContext>>();
        var result = await runner.RunTurnAsync([], AirlineAgentNames.Triage, new AirlineContext(), "Is there wifi?");
        Assert.Equal(AirlineTools.WifiAnswer, result.Reply);
        Assert.Equal(3, services.GetRequiredService<ScriptedModelRequestCounter>().CountFor("Is there wifi?"));
    }

    [Fact]
    public void With_a_key_the_openai_model_is_used_and_described_without_the_key()
    {
        using var services = Build(new() { ["OPENAI_API_KEY"] = Key });

        var info = services.GetRequiredService<ModelInfo>();
        Assert.Equal(new ModelInfo("gpt-4o-mini", false, "gpt-4o-mini (OpenAI)"), info);
        Assert.IsType<Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIChatCompletionService>(services.GetRequiredService<IChatCompletionService>());
        Assert.DoesNotContain(Key, services.GetRequiredService<ModelOptions>().ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scripted", true)]
    [InlineData("Scripted", true)]
    [InlineData("auto", false)]
    [InlineData("openai", false)]
    public void Provider_setting_picks_the_model(string provider, bool scripted)
    {
        using var services = Build(new() { ["OPENAI_API_KEY"] = Key, ["Model:Provider"] = provider });

        Assert.Equal(scripted, services.GetRequiredService<ModelInfo>().IsScripted);
    }

    [Theory]
    [InlineData("OPENAI_BASE_URL", "localhost:11434/v1", "OPENAI_BASE_URL")]
    [InlineData("OPENAI_BASE_URL", "ftp://127.0.0.1/v1", "OPENAI_BASE_URL")]
    [InlineData("Model:Provider", "claude", "Model:Provider")]
    [InlineData("Model:Provider", "openai", "neither OPENAI_API_KEY nor OPENAI_BASE_URL")]
    [InlineData("Model:RequestTimeoutSeconds", "-1", "Model:RequestTimeoutSeconds")]
    public void Invalid_settings_fail_at_startup_naming_the_setting(string key, string value, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { [key] = value }));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_openai_compatible_server_gets_the_request_with_the_key_and_model()
    {
        await using var server = await LoopbackModelServer.StartAsync(200, CannedChatModelHandler.Text("Hello from the loopback model."));
        await using var services = Build(new() { ["OPENAI_API_KEY"] = Key, ["OPENAI_BASE_URL"] = server.BaseUrl.ToString(), ["OPENAI_MODEL"] = "llama3" });
        Assert.Equal(new ModelInfo("llama3", false, "llama3 (OpenAI-compatible server)"), services.GetRequiredService<ModelInfo>());

        var result = await services.GetRequiredService<AgentRunner<AirlineContext>>()
            .RunTurnAsync([], AirlineAgentNames.Triage, new AirlineContext(), "hello");

        Assert.Equal("Hello from the loopback model.", result.Reply);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal($"Bearer {Key}", request.Authorization);
        Assert.Equal("llama3", JsonDocument.Parse(request.Body).RootElement.GetProperty("model").GetString());
    }

    [Theory]
    [InlineData(503, true)]
    [InlineData(429, true)]
    [InlineData(401, false)]
    public async Task Http_failures_surface_once_classified_with_no_hidden_retries(int status, bool retryable)
    {
        var body = $$$"""{"error":{"message":"Incorrect API key provided: {{{Key}}}.","type":"invalid_request_error","code":"x"}}""";
        await using var server = await LoopbackModelServer.StartAsync(status, body);
        var logs = new CapturingLoggerProvider();
        await using var services = Build(new() { ["OPENAI_API_KEY"] = Key, ["OPENAI_BASE_URL"] = server.BaseUrl.ToString() }, logs);

        var error = await Assert.ThrowsAnyAsync<ModelCallException>(() => services.GetRequiredService<AgentRunner<AirlineContext>>()
            .RunTurnAsync([], AirlineAgentNames.Triage, new AirlineContext(), "hello"));

        Assert.Equal(retryable, error.IsRetryable);
        Assert.Equal(retryable ? typeof(RetryableModelException) : typeof(NonRetryableModelException), error.GetType());
        Assert.Equal(status, error.StatusCode);
        Assert.Single(server.Requests);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
        Assert.Contains("[redacted]", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_base_url_without_v1_gets_a_hint()
    {
        await using var server = await LoopbackModelServer.StartAsync(200, CannedChatModelHandler.Text("unused"));
        var withoutV1 = server.BaseUrl.ToString().Replace("/v1", string.Empty, StringComparison.Ordinal);
        await using var services = Build(new() { ["OPENAI_BASE_URL"] = withoutV1 });

        var error = await Assert.ThrowsAsync<NonRetryableModelException>(() => services.GetRequiredService<AgentRunner<AirlineContext>>()
            .RunTurnAsync([], AirlineAgentNames.Triage, new AirlineContext(), "hello"));

        Assert.Equal(404, error.StatusCode);
        Assert.Contains("OPENAI_BASE_URL ends with /v1", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task An_unreachable_server_is_retryable()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var services = Build(new() { ["OPENAI_API_KEY"] = Key, ["OPENAI_BASE_URL"] = $"http://127.0.0.1:{port}/v1" });

        var error = await Assert.ThrowsAsync<RetryableModelException>(() => services.GetRequiredService<AgentRunner<AirlineContext>>()
            .RunTurnAsync([], AirlineAgentNames.Triage, new AirlineContext(), "hello"));

        Assert.Null(error.StatusCode);
        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_log_path_comes_from_configuration()
    {
        var path = Path.Combine(Path.GetTempPath(), $"skas-calls-{Guid.NewGuid():N}.jsonl");
        try
        {
            await using var services = Build(new() { ["ScriptedModel:CallLogPath"] = path });

            await services.GetRequiredService<AgentRunner<AirlineContext>>()
                .RunTurnAsync([], AirlineAgentNames.Triage, new AirlineContext(), "hello");

            Assert.Single(File.ReadAllLines(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_catalog_registered_first_is_kept()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddLogging();
        var mine = new AgentCatalog<AirlineContext>("Solo", [new() { Name = "Solo", Instructions = _ => "Solo" }]);
        services.AddSingleton(mine);
        services.AddAgentRuntime(configuration);
        using var provider = services.BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<AgentRunner<AirlineContext>>().Catalog);
    }

    [Fact]
    public void Runner_limits_bind_from_configuration()
    {
        using var services = Build(new() { ["AgentRunner:MaxModelRequestsPerTurn"] = "5" });

        Assert.Equal(5, services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AgentRunnerOptions>>().Value.MaxModelRequestsPerTurn);
    }
}
