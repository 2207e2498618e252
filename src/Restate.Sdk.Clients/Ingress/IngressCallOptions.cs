namespace Restate.Sdk.Clients;

/// <summary>Options of a request/response call through the ingress.</summary>
public record IngressCallOptions
{
    /// <summary>
    /// Sent as <c>idempotency-key</c>: Restate runs the handler once for this key and target, and a repeated
    /// request attaches to that invocation and gets its result.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Extra request headers; the handler sees them as the invocation's headers.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
}
