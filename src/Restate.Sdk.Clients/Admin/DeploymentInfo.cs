namespace Restate.Sdk.Clients;

/// <summary>A registered deployment, as listed by the admin API (<c>GET /deployments</c>).</summary>
public sealed record DeploymentInfo
{
    /// <summary>The deployment id (<c>dp_…</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The endpoint URL; <c>null</c> for Lambda deployments.</summary>
    public Uri? Uri { get; init; }

    /// <summary><c>BidiStream</c> or <c>RequestResponse</c>.</summary>
    public string? ProtocolType { get; init; }

    /// <summary>E.g. <c>HTTP/2.0</c> or <c>HTTP/1.1</c>.</summary>
    public string? HttpVersion { get; init; }

    /// <summary>When the deployment was registered.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The lowest service protocol version the deployment speaks.</summary>
    public int MinProtocolVersion { get; init; }

    /// <summary>The highest service protocol version the deployment speaks.</summary>
    public int MaxProtocolVersion { get; init; }

    /// <summary>The SDK the deployment announced in discovery, if any.</summary>
    public string? SdkVersion { get; init; }

    /// <summary>The services (and their revisions) this deployment serves.</summary>
    public IReadOnlyList<ServiceRevision> Services { get; init; } = [];

    /// <summary>Headers Restate adds to every request to the deployment.</summary>
    public IReadOnlyDictionary<string, string>? AdditionalHeaders { get; init; }

    /// <summary>Metadata given at registration.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
