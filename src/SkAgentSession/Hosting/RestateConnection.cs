using SkAgentSession.Local;

namespace SkAgentSession.Hosting;

/// <summary>The Restate this app talks to: the configured one, or the local server it started.</summary>
public sealed class RestateConnection(Uri ingressUrl, Uri adminUrl)
{
    public Uri IngressUrl { get; } = ingressUrl;

    public Uri AdminUrl { get; } = adminUrl;

    public Uri UiUrl => new(AdminUrl, "ui");

    public static RestateConnection FromOptions(AppOptions options)
    {
        if (!options.UsesExternalRestate)
        {
            return new RestateConnection(new Uri(LocalRestate.IngressUrl), new Uri(LocalRestate.AdminUrl));
        }

        if (string.IsNullOrWhiteSpace(options.RestateIngressUrl) || string.IsNullOrWhiteSpace(options.RestateAdminUrl))
        {
            throw new InvalidOperationException(
                "Set both RESTATE_INGRESS_URL and RESTATE_ADMIN_URL to use an existing Restate, or neither to start a local one.");
        }

        return new RestateConnection(WithSlash(options.RestateIngressUrl), WithSlash(options.RestateAdminUrl));
    }

    private static Uri WithSlash(string url) => new(url.EndsWith('/') ? url : url + "/");
}
