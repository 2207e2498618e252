using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;
using SkAgentSession.Agents;

namespace SkAgentSession.Airline;

/// <summary>The airline agents' tools and the action run when seat booking takes over.</summary>
public static partial class AirlineTools
{
    public const string FaqLookupName = "faq_lookup";
    public const string UpdateSeatName = "update_seat";

    internal const string BaggageAnswer =
        "Each passenger may bring one bag on board. It must weigh under 50 pounds and fit within 22 x 14 x 9 inches.";

    internal const string SeatsAnswer =
        "The plane has 120 seats: 22 in business class and 98 in economy. Exit rows are rows 4 and 16; rows 5 to 8 are Economy Plus, with extra legroom.";

    internal const string WifiAnswer = "Wifi on board is free: join the network called Airline-Wifi.";

    internal const string UnknownAnswer = "Sorry, I don't know the answer to that question.";

    public static KernelFunction FaqLookup { get; } = KernelFunctionFactory.CreateFromMethod(
        LookUpFaq,
        FaqLookupName,
        "Answers frequently asked questions about baggage, the seats on the plane and wifi.");

    public static KernelFunction UpdateSeat { get; } = KernelFunctionFactory.CreateFromMethod(
        ChangeSeat,
        UpdateSeatName,
        "Moves the passenger with the given confirmation number to a new seat.");

    /// <summary>The answer for a question; keyword matching stands in for a real knowledge base.</summary>
    public static string LookUpFaq([Description("The customer's question.")] string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var q = question.ToLowerInvariant();
        if (q.Contains("bag", StringComparison.Ordinal) || q.Contains("luggage", StringComparison.Ordinal) || q.Contains("suitcase", StringComparison.Ordinal) || q.Contains("carry", StringComparison.Ordinal))
        {
            return BaggageAnswer;
        }

        // Specific topics before general ones: "wifi on the plane" is a wifi question.
        if (q.Contains("wifi", StringComparison.Ordinal) || q.Contains("wi-fi", StringComparison.Ordinal) || q.Contains("internet", StringComparison.Ordinal))
        {
            return WifiAnswer;
        }

        if (q.Contains("seat", StringComparison.Ordinal) || q.Contains("plane", StringComparison.Ordinal) || q.Contains("row", StringComparison.Ordinal))
        {
            return SeatsAnswer;
        }

        return UnknownAnswer;
    }

    /// <summary>Records the new seat in the session context.</summary>
    public static string ChangeSeat(
        Kernel kernel,
        [Description("The booking's confirmation number, six letters and digits such as ABC123.")] string confirmation_number,
        [Description("The new seat: row number and seat letter, such as 12A.")] string new_seat)
    {
        var context = kernel.GetAgentRunContext<AirlineContext>().Context;
        var confirmation = (confirmation_number ?? string.Empty).Trim().ToUpperInvariant();
        var seat = (new_seat ?? string.Empty).Trim().ToUpperInvariant();
        if (!ConfirmationNumber().IsMatch(confirmation))
        {
            return $"Error: '{confirmation_number}' is not a confirmation number (six letters and digits, such as ABC123). Ask the customer again.";
        }

        if (!SeatNumber().IsMatch(seat))
        {
            return $"Error: '{new_seat}' is not a seat (row 1-30 and a letter A-F, such as 12A). Ask the customer again.";
        }

        if (context.FlightNumber is null)
        {
            return "Error: no flight is assigned to this conversation yet; transfer the customer to the triage agent.";
        }

        context.ConfirmationNumber = confirmation;
        context.SeatNumber = seat;
        return string.Create(CultureInfo.InvariantCulture, $"Updated seat to {seat} for confirmation number {confirmation} on flight {context.FlightNumber}.");
    }

    /// <summary>Seat booking needs a flight: assign one the first time the conversation reaches it.</summary>
    public static void AssignFlightNumber(AgentRunContext<AirlineContext> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.Context.FlightNumber ??= string.Create(CultureInfo.InvariantCulture, $"FLT-{run.Random.Next(100, 1000)}");
    }

    [GeneratedRegex("^(?=.*[A-Z])(?=.*[0-9])[A-Z0-9]{6}$")]
    private static partial Regex ConfirmationNumber();

    [GeneratedRegex("^([1-9]|[12][0-9]|30)[A-F]$")]
    private static partial Regex SeatNumber();
}
