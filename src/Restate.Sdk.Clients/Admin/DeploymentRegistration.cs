namespace Restate.Sdk.Clients;

/// <summary>The result of registering a deployment.</summary>
/// <param name="Id">The deployment id (<c>dp_…</c>).</param>
/// <param name="Services">The services discovered at the deployment.</param>
/// <param name="MinProtocolVersion">The lowest service protocol version the deployment speaks.</param>
/// <param name="MaxProtocolVersion">The highest service protocol version the deployment speaks.</param>
/// <param name="SdkVersion">The SDK name and version the deployment reported (<c>x-restate-server</c>), if any.</param>
/// <param name="Created">True for a new deployment (201); false when the URI was already registered (200).</param>
public sealed record DeploymentRegistration(
    string Id,
    IReadOnlyList<ServiceMetadata> Services,
    int MinProtocolVersion,
    int MaxProtocolVersion,
    string? SdkVersion,
    bool Created);
