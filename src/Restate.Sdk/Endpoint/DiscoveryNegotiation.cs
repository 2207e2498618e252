namespace Restate.Sdk.Endpoint;

/// <summary>Picks the manifest version to answer <c>GET /discover</c> with, from its <c>Accept</c> header.</summary>
internal static class DiscoveryNegotiation
{
    private const string Prefix = "application/vnd.restate.endpointmanifest.v";
    private const string Suffix = "+json";

    /// <summary>
    /// The highest manifest version the header offers that this SDK writes (v1–v4); v1 when the
    /// header is missing or empty (what older servers send); <c>null</c> when nothing offered is
    /// acceptable. A wildcard (<c>*/*</c>, <c>application/*</c>) accepts the newest version.
    /// </summary>
    public static int? SelectVersion(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return EndpointManifest.MinVersion;
        }

        int? best = null;
        foreach (var item in accept.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var semicolon = item.IndexOf(';', StringComparison.Ordinal);
            var mediaType = (semicolon >= 0 ? item[..semicolon] : item).Trim();
            var version = VersionOf(mediaType);
            if (version is not null && (best is null || version > best))
            {
                best = version;
            }
        }

        return best;
    }

    private static int? VersionOf(string mediaType)
    {
        if (mediaType is "*/*" or "application/*")
        {
            return EndpointManifest.MaxVersion;
        }

        if (!mediaType.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            || !mediaType.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var digits = mediaType.AsSpan(Prefix.Length, mediaType.Length - Prefix.Length - Suffix.Length);
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            && version is >= EndpointManifest.MinVersion and <= EndpointManifest.MaxVersion
            ? version
            : null;
    }
}
