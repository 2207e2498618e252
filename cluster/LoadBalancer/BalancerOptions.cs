namespace SkAgentSession.LoadBalancer;

/// <summary>
/// Where the balancer listens and which replicas stand behind it (configuration section <c>LoadBalancer</c>, e.g.
/// <c>LoadBalancer__EndpointPort=9080</c>, <c>LoadBalancer__EndpointDestinations=http://127.0.0.1:9081,http://127.0.0.1:9082</c>).
/// </summary>
public sealed class BalancerOptions
{
    public const string SectionName = "LoadBalancer";

    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>The port Restate calls (cleartext HTTP/2 with prior knowledge); register this one as the deployment.</summary>
    public int EndpointPort { get; set; } = 9080;

    /// <summary>The port of the UI and the HTTP API (HTTP/1.1 and HTTP/2); 0 leaves it out.</summary>
    public int ApiPort { get; set; } = 3000;

    /// <summary>The replicas' Restate endpoints (comma-separated URLs).</summary>
    public string EndpointDestinations { get; set; } = string.Empty;

    /// <summary>The replicas' UI and API (comma-separated URLs, same order as <see cref="EndpointDestinations"/>).</summary>
    public string ApiDestinations { get; set; } = string.Empty;

    /// <summary>What the active health check asks each replica's endpoint port for.</summary>
    public string EndpointHealthPath { get; set; } = "/health";

    /// <summary>What the active health check asks each replica's API port for (any 2xx is healthy).</summary>
    public string ApiHealthPath { get; set; } = "/api/info";

    /// <summary>How often every replica is probed; a replica failing <see cref="ProbeFailuresToEject"/> probes in a row is taken out.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(3);

    public int ProbeFailuresToEject { get; set; } = 2;

    /// <summary>
    /// How long a request may go without a byte either way before the balancer cuts it: a turn's invocation stream is
    /// silent while the model thinks, and an event stream between keep-alives.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    public IReadOnlyList<Uri> EndpointUris => Parse(nameof(EndpointDestinations), EndpointDestinations);

    public IReadOnlyList<Uri> ApiUris => Parse(nameof(ApiDestinations), ApiDestinations);

    /// <exception cref="InvalidOperationException">A setting is missing or malformed.</exception>
    public void Validate()
    {
        if (EndpointUris.Count == 0)
        {
            throw new InvalidOperationException($"Set {SectionName}:{nameof(EndpointDestinations)} to the replicas' endpoint URLs.");
        }

        if (ApiPort != 0 && ApiUris.Count == 0)
        {
            throw new InvalidOperationException($"Set {SectionName}:{nameof(ApiDestinations)} to the replicas' API URLs (or {nameof(ApiPort)} to 0).");
        }

        if (ProbeFailuresToEject < 1 || ProbeInterval <= TimeSpan.Zero || ProbeTimeout <= TimeSpan.Zero || IdleTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Probe interval, timeout, failures to eject and idle timeout must be positive.");
        }
    }

    private static Uri[] Parse(string name, string urls) =>
        [.. urls.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(url =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp
                ? uri
                : throw new InvalidOperationException($"{SectionName}:{name}: '{url}' is not an http:// URL."))];
}
