using System.Net.Http.Json;
using System.Text.Json;
using Restate.Sdk.Local;

namespace SkAgentSession.IntegrationTests.Fixtures;

/// <summary>
/// A real restate-server on free loopback ports with a fresh base dir, and the app registered with it,
/// running the scripted model with a call log so tests can count model requests.
/// </summary>
public class SessionEnvironment : IAsyncLifetime
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("skas-it-").FullName;

    public LocalRestateServer Restate { get; private set; } = null!;

    internal AppProcess App { get; private set; } = null!;

    public HttpClient Api { get; private set; } = null!;

    public string ModelCallLog => Path.Combine(_workDir, "model-calls.jsonl");

    /// <summary>App settings (environment variables) beyond the defaults, for an environment that needs them.</summary>
    protected virtual IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>();

    /// <summary>Environment variables of restate-server beyond the defaults, for an environment that needs them.</summary>
    protected virtual IReadOnlyDictionary<string, string> RestateEnvironment => new Dictionary<string, string>();

    /// <summary>An API key the app requires (and <see cref="Api"/> sends), or null for an open API.</summary>
    public virtual string? ApiKey => null;

    public virtual async Task InitializeAsync()
    {
        Restate = await LocalRestateServer.StartAsync(new LocalRestateServerOptions
        {
            ToolsDirectory = RepositoryLayout.Root,
            BaseDirectory = Path.Combine(_workDir, "restate"),
            EnvironmentVariables = RestateEnvironment,
        });
        App = new AppProcess(Restate.IngressUrl, Restate.AdminUrl, ModelCallLog, new Dictionary<string, string>
        {
            // Quick retries, so tests of a failing model finish in seconds.
            ["SkAgentSession__AgentTurn__InitialRetryInterval"] = "00:00:00.100",
            ["SkAgentSession__AgentTurn__MaxRetryInterval"] = "00:00:00.200",
            ["SkAgentSession__AgentTurn__MaxAttempts"] = "3",

            // Seat changes run without waiting for a person unless a test turns approvals on for its session.
            ["SkAgentSession__Sessions__Approvals"] = "false",
        }.Concat(ExtraSettings).Concat(ApiKey is null ? [] : [KeyValuePair.Create("SKAS_API_KEYS", ApiKey)]).ToDictionary());
        await App.StartAsync();
        Api = new HttpClient { BaseAddress = App.BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
        if (ApiKey is not null)
        {
            Api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey);
        }
    }

    public virtual async Task DisposeAsync()
    {
        Api?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (Restate is not null)
        {
            await Restate.DisposeAsync();
        }

        try
        {
            Directory.Delete(_workDir, recursive: true);
        }
        catch (IOException)
        {
            // A server that was killed may still hold a file for a moment; the temp dir is harmless.
        }
    }

    public static string NewSessionId() => "it-" + Guid.NewGuid().ToString("N")[..12];

    public Task<HttpResponseMessage> PostMessageAsync(string sessionId, string message, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/sessions/{sessionId}/messages")
        {
            Content = JsonContent.Create(new { message }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return Api.SendAsync(request);
    }

    /// <summary>Changes the session's settings through the API (<c>durability</c>, <c>approvals</c>).</summary>
    public async Task PutSettingsAsync(string sessionId, string durability, bool approvals)
    {
        using var response = await Api.PutAsJsonAsync($"api/sessions/{sessionId}/settings", new { durability, approvals });
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonElement> GetHistoryAsync(string sessionId)
    {
        using var response = await Api.GetAsync($"api/sessions/{sessionId}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The session's raw state, as Restate's SQL <c>state</c> table shows it.</summary>
    public async Task<Dictionary<string, string>> GetStateAsync(string sessionId)
    {
        var rows = await Restate.Admin.QueryAsync(
            $"SELECT key, value_utf8 FROM state WHERE service_name = 'AgentSession' AND service_key = '{sessionId}'");
        return rows.ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("value_utf8").GetString()!);
    }

    /// <summary>How many model requests the scripted model answered for this exact user message.</summary>
    public int ModelRequestsFor(string userMessage)
    {
        // The app appends to the log while a turn runs, holding the file exclusively for a moment: read again then.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return File.Exists(ModelCallLog)
                    ? File.ReadLines(ModelCallLog)
                        .Select(line => JsonDocument.Parse(line).RootElement)
                        .Count(entry => entry.GetProperty("lastUserMessage").GetString() == userMessage)
                    : 0;
            }
            catch (IOException) when (attempt < 50)
            {
                Thread.Sleep(10);
            }
        }
    }
}
