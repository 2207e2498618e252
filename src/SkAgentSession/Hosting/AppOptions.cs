namespace SkAgentSession.Hosting;

/// <summary>
/// Where the application listens and which Restate it uses (configuration section <c>SkAgentSession</c>;
/// <c>RESTATE_INGRESS_URL</c> and <c>RESTATE_ADMIN_URL</c> select an existing Restate).
/// </summary>
public sealed class AppOptions
{
    public const string SectionName = "SkAgentSession";

    /// <summary>The address both listeners bind to. Loopback by default: put a proxy in front to expose them.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>The port of the UI and the HTTP API.</summary>
    public int HttpPort { get; set; } = 3000;

    /// <summary>The port of the Restate service endpoint (HTTP/2 cleartext), which only Restate should reach.</summary>
    public int EndpointPort { get; set; } = 9080;

    /// <summary>The URL Restate uses to reach this service's endpoint; by default <c>http://127.0.0.1:{EndpointPort}</c>.</summary>
    public string? AdvertisedEndpointUrl { get; set; }

    /// <summary>An existing Restate ingress; when unset (and no admin URL is set) a local restate-server is started.</summary>
    public string? RestateIngressUrl { get; set; }

    /// <summary>An existing Restate admin API; when unset (and no ingress URL is set) a local restate-server is started.</summary>
    public string? RestateAdminUrl { get; set; }

    /// <summary>Registers this service's endpoint with Restate (with <c>force</c>) at start-up.</summary>
    public bool RegisterDeployment { get; set; } = true;

    /// <summary>
    /// Public keys (<c>publickeyv1_…</c>) of the Restate servers allowed to call the endpoint; when set,
    /// unsigned requests get 401. Also read from <c>RESTATE_IDENTITY_KEYS</c> (comma-separated).
    /// </summary>
    public string[] RestateIdentityKeys { get; set; } = [];

    /// <summary>The folder of the built web UI; by default <c>ui/dist</c> of the repository.</summary>
    public string? UiPath { get; set; }

    public bool UsesExternalRestate =>
        !string.IsNullOrWhiteSpace(RestateIngressUrl) || !string.IsNullOrWhiteSpace(RestateAdminUrl);

    public Uri EndpointUri => new(AdvertisedEndpointUrl ?? $"http://127.0.0.1:{EndpointPort}");
}
