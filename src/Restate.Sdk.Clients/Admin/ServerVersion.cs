namespace Restate.Sdk.Clients;

/// <summary>What <c>GET /version</c> of the admin API reports.</summary>
/// <param name="Version">The server version, e.g. <c>1.7.12</c>.</param>
/// <param name="MinAdminApiVersion">The oldest admin API version the server serves.</param>
/// <param name="MaxAdminApiVersion">The newest admin API version the server serves.</param>
/// <param name="IngressEndpoint">The ingress URL the server advertises, if any.</param>
public sealed record ServerVersion(string Version, int MinAdminApiVersion, int MaxAdminApiVersion, Uri? IngressEndpoint);
