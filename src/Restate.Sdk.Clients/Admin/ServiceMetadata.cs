using System.Text.Json.Serialization;

namespace Restate.Sdk.Clients;

/// <summary>A registered service, as the admin API reports it (<c>GET /services/{name}</c>).</summary>
public sealed record ServiceMetadata
{
    public required string Name { get; init; }

    [JsonPropertyName("ty")]
    public ServiceType Type { get; init; }

    public IReadOnlyList<HandlerMetadata> Handlers { get; init; } = [];

    /// <summary>The deployment that serves the latest revision.</summary>
    public required string DeploymentId { get; init; }

    public int Revision { get; init; }

    /// <summary>False when the whole service is private to the ingress.</summary>
    public bool Public { get; init; }

    public string? Documentation { get; init; }

    /// <summary>Timeouts and retentions as the server formats them, e.g. <c>1d</c>, <c>10m</c>, <c>1m 30s</c>.</summary>
    public string? InactivityTimeout { get; init; }

    public string? AbortTimeout { get; init; }

    public string? IdempotencyRetention { get; init; }

    public string? JournalRetention { get; init; }

    public string? WorkflowCompletionRetention { get; init; }

    public bool EnableLazyState { get; init; }

    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
