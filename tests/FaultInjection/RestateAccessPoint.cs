namespace SkAgentSession.FaultInjection;

/// <summary>Where one service instance reaches Restate: an ingress and an admin API (of the same node in a cluster).</summary>
internal sealed record RestateAccessPoint(Uri IngressUrl, Uri AdminUrl);
