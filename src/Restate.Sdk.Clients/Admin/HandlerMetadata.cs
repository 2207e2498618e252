using System.Text.Json.Serialization;

namespace Restate.Sdk.Clients;

/// <summary>A handler of a registered service, as the admin API reports it.</summary>
public sealed record HandlerMetadata
{
    public required string Name { get; init; }

    /// <summary><c>null</c> for handlers of plain services.</summary>
    [JsonPropertyName("ty")]
    public HandlerType? Type { get; init; }

    /// <summary>False when the handler is private to the ingress (callable only from other handlers).</summary>
    public bool Public { get; init; }

    public string? Documentation { get; init; }

    /// <summary>What the ingress accepts as input, e.g. <c>application/json</c>.</summary>
    public string? InputDescription { get; init; }

    public string? OutputDescription { get; init; }

    /// <summary>Timeouts and retentions as the server formats them (e.g. <c>5m</c>); <c>null</c> when the service's apply.</summary>
    public string? InactivityTimeout { get; init; }

    public string? AbortTimeout { get; init; }

    public string? IdempotencyRetention { get; init; }

    public string? JournalRetention { get; init; }

    public bool? EnableLazyState { get; init; }

    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
