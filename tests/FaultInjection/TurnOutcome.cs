namespace SkAgentSession.FaultInjection;

internal enum TurnOutcome
{
    /// <summary>The client got a 200 with the turn's reply.</summary>
    Acknowledged,

    /// <summary>The turn ended with an error that a re-send cannot change (a 4xx, or the turn's terminal failure).</summary>
    Refused,

    /// <summary>No 200 before the message's deadline.</summary>
    GaveUp,
}
