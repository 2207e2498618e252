namespace SkAgentSession.Airline;

/// <summary>Display names of the airline agents (also the stored value of a session's active agent).</summary>
public static class AirlineAgentNames
{
    public const string Triage = "Triage Agent";
    public const string Faq = "FAQ Agent";
    public const string SeatBooking = "Seat Booking Agent";
}
