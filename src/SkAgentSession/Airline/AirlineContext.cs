using System.Text.Json.Serialization;

namespace SkAgentSession.Airline;

/// <summary>What the airline agents know about the passenger (state key <c>context</c> of a session).</summary>
public sealed class AirlineContext
{
    [JsonPropertyName("passengerName")]
    public string? PassengerName { get; set; }

    [JsonPropertyName("confirmationNumber")]
    public string? ConfirmationNumber { get; set; }

    [JsonPropertyName("seatNumber")]
    public string? SeatNumber { get; set; }

    [JsonPropertyName("flightNumber")]
    public string? FlightNumber { get; set; }
}
