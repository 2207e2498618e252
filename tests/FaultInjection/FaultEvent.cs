namespace SkAgentSession.FaultInjection;

/// <summary>One injected fault: when (since the conversations began), what, on what, how many turns it cut into, how long it lasted.</summary>
internal sealed record FaultEvent(TimeSpan At, string Kind, string Target, int TurnsInFlight, TimeSpan Downtime);
