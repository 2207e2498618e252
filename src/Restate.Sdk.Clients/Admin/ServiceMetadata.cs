using System.Text.Json.Serialization;

namespace Restate.Sdk.Clients;

/// <summary>A registered service, as the admin API reports it (<c>GET /services/{name}</c>).</summary>
public sealed record ServiceMetadata
{
    /// <summary>The service name.</summary>
    public required string Name { get; init; }

    /// <summary>Service, virtual object or workflow.</summary>
    [JsonPropertyName("ty")]
    public ServiceType Type { get; init; }

    /// <summary>The service's handlers.</summary>
    public IReadOnlyList<HandlerMetadata> Handlers { get; init; } = [];

    /// <summary>The deployment that serves the latest revision.</summary>
    public required string DeploymentId { get; init; }

    /// <summary>The latest revision (it grows with each registration that changes the service).</summary>
    public int Revision { get; init; }

    /// <summary>False when the whole service is private to the ingress.</summary>
    public bool Public { get; init; }

    /// <summary>The service's documentation from discovery.</summary>
    public string? Documentation { get; init; }

    /// <summary>Timeouts and retentions as the server formats them, e.g. <c>1d</c>, <c>10m</c>, <c>1m 30s</c>.</summary>
    public string? InactivityTimeout { get; init; }

    /// <summary>The abort timeout, as the server formats it.</summary>
    public string? AbortTimeout { get; init; }

    /// <summary>How long idempotency keys are kept.</summary>
    public string? IdempotencyRetention { get; init; }

    /// <summary>How long journals are kept after completion.</summary>
    public string? JournalRetention { get; init; }

    /// <summary>How long a finished workflow's result is kept.</summary>
    public string? WorkflowCompletionRetention { get; init; }

    /// <summary>Whether state is fetched lazily instead of sent eagerly.</summary>
    public bool EnableLazyState { get; init; }

    /// <summary>Metadata from discovery.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
