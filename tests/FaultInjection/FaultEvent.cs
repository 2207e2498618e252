namespace SkAgentSession.FaultInjection;

/// <summary>
/// One injected fault: when (since the conversations began, and on the clock), what, on what, how many turns it cut
/// into, how long it lasted, and whether it struck Restate (rather than a service instance).
/// </summary>
internal sealed record FaultEvent(TimeSpan At, DateTimeOffset StartedAt, string Kind, string Target, int TurnsInFlight, TimeSpan Downtime, bool StruckRestate);
