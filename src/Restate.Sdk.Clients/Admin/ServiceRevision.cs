namespace Restate.Sdk.Clients;

/// <summary>A service of a deployment, with the revision that deployment serves.</summary>
public sealed record ServiceRevision(string Name, int Revision);
