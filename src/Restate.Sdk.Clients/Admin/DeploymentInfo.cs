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

    public DateTimeOffset? CreatedAt { get; init; }

    public int MinProtocolVersion { get; init; }

    public int MaxProtocolVersion { get; init; }

    public string? SdkVersion { get; init; }

    public IReadOnlyList<ServiceRevision> Services { get; init; } = [];

    public IReadOnlyDictionary<string, string>? AdditionalHeaders { get; init; }

    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
