using System.Text.Json.Serialization;

namespace Restate.Sdk.Clients;

/// <summary>A handler of a registered service, as the admin API reports it.</summary>
public sealed record HandlerMetadata
{
    /// <summary>The handler name.</summary>
    public required string Name { get; init; }

    /// <summary><c>null</c> for handlers of plain services.</summary>
    [JsonPropertyName("ty")]
    public HandlerType? Type { get; init; }

    /// <summary>False when the handler is private to the ingress (callable only from other handlers).</summary>
    public bool Public { get; init; }

    /// <summary>The handler's documentation from discovery.</summary>
    public string? Documentation { get; init; }

    /// <summary>What the ingress accepts as input, e.g. <c>application/json</c>.</summary>
    public string? InputDescription { get; init; }

    /// <summary>What the handler returns, e.g. <c>application/json</c>.</summary>
    public string? OutputDescription { get; init; }

    /// <summary>Timeouts and retentions as the server formats them (e.g. <c>5m</c>); <c>null</c> when the service's apply.</summary>
    public string? InactivityTimeout { get; init; }

    /// <summary>The abort timeout, as the server formats it; <c>null</c> when the service's applies.</summary>
    public string? AbortTimeout { get; init; }

    /// <summary>How long idempotency keys are kept; <c>null</c> when the service's applies.</summary>
    public string? IdempotencyRetention { get; init; }

    /// <summary>How long journals are kept after completion; <c>null</c> when the service's applies.</summary>
    public string? JournalRetention { get; init; }

    /// <summary>Whether state is fetched lazily instead of sent eagerly; <c>null</c> when the service's applies.</summary>
    public bool? EnableLazyState { get; init; }

    /// <summary>Metadata from discovery.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
