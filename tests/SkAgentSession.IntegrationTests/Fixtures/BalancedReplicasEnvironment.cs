using System.Net.Http.Json;
using Restate.Sdk.Clients;
using Restate.Sdk.Local;

namespace SkAgentSession.IntegrationTests.Fixtures;

/// <summary>
/// The cluster's layout on one restate-server: two replicas of the app behind the load balancer, whose endpoint URL
/// is the one deployment registered (the replicas register nothing), with request identity on: the server signs its
/// requests and the replicas verify them behind the balancer.
/// </summary>
public sealed class BalancedReplicasEnvironment : IAsyncLifetime
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("skas-lb-").FullName;
    private readonly RequestIdentityKey _identity = new();

    public LocalRestateServer Restate { get; private set; } = null!;

    internal BalancerProcess Balancer { get; } = new();

    internal IReadOnlyList<AppProcess> Replicas { get; private set; } = [];

    /// <summary>The API through the balancer.</summary>
    public HttpClient Api { get; private set; } = null!;

    public string ModelCallLog => Path.Combine(_workDir, "model-calls.jsonl");

    public async Task InitializeAsync()
    {
        Restate = await LocalRestateServer.StartAsync(new LocalRestateServerOptions
        {
            ToolsDirectory = RepositoryLayout.Root,
            BaseDirectory = Path.Combine(_workDir, "restate"),
            EnvironmentVariables = new Dictionary<string, string>
            {
                [RequestIdentityKey.PrivateKeyFileVariable] = _identity.WritePrivateKeyPem(_workDir),
            },
        });
        var settings = new Dictionary<string, string>
        {
            ["SkAgentSession__RegisterDeployment"] = "false",
            ["SkAgentSession__AdvertisedEndpointUrl"] = Balancer.EndpointUrl.ToString(),
            ["RESTATE_IDENTITY_KEYS"] = _identity.PublicKeyId,
            ["SkAgentSession__Sessions__Approvals"] = "false",
        };
        Replicas = [.. Enumerable.Range(0, 2).Select(_ => new AppProcess(Restate.IngressUrl, Restate.AdminUrl, ModelCallLog, settings))];
        await Balancer.StartAsync(Replicas.Select(r => r.EndpointUrl), Replicas.Select(r => r.BaseUrl));
        foreach (var replica in Replicas)
        {
            await replica.StartAsync();
        }

        await Restate.Admin.RegisterDeploymentAsync(Balancer.EndpointUrl, new RegisterDeploymentOptions { Force = true });
        Api = new HttpClient { BaseAddress = Balancer.ApiUrl, Timeout = TimeSpan.FromMinutes(2) };
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        foreach (var replica in Replicas)
        {
            await replica.DisposeAsync();
        }

        await Balancer.DisposeAsync();
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
            // A process that was killed may still hold a file for a moment; the temp dir is harmless.
        }
    }

    /// <summary>Posts a message to the API at <paramref name="apiUrl"/> (the balancer's or one replica's).</summary>
    public async Task<HttpResponseMessage> PostMessageAsync(Uri apiUrl, string sessionId, string message, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(apiUrl, $"api/sessions/{sessionId}/messages"))
        {
            Content = JsonContent.Create(new { message }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await Api.SendAsync(request);
    }

    /// <summary>The process ids that made model requests for these exact user messages.</summary>
    public IReadOnlySet<int> ProcessesThatAnswered(IReadOnlyCollection<string> userMessages)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (!File.Exists(ModelCallLog))
            {
                return new HashSet<int>();
            }

            try
            {
                return File.ReadLines(ModelCallLog)
                    .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
                    .Where(entry => userMessages.Contains(entry.GetProperty("lastUserMessage").GetString()))
                    .Select(entry => entry.GetProperty("processId").GetInt32())
                    .ToHashSet();
            }
            catch (IOException) when (attempt < 50)
            {
                // The app holds the log exclusively for a moment while it appends.
                Thread.Sleep(10);
            }
        }
    }
}
