using SkAgentSession.Agents;

namespace SkAgentSession.Airline;

/// <summary>
/// The airline customer-service agents: triage routes to the FAQ and seat-booking agents, both of
/// which can hand the conversation back.
/// </summary>
public static class AirlineAgents
{
    private const string TeamPrompt =
        "# System context\n" +
        "You are one of several airline customer-service agents. Each agent has its own instructions and tools, " +
        "and can pass the conversation to another agent by calling a function named transfer_to_<agent>. " +
        "Transfers happen behind the scenes: never mention or announce them to the customer.\n\n";

    public static AgentDefinition<AirlineContext> Triage { get; } = new()
    {
        Name = AirlineAgentNames.Triage,
        HandoffDescription = "Finds out what the customer needs and routes them to the agent that can help.",
        Instructions = _ => TeamPrompt +
            "You are the triage agent. Work out what the customer needs and transfer them: questions about baggage, " +
            "the seats on the plane or wifi go to the FAQ Agent; changing a seat goes to the Seat Booking Agent. " +
            "Greet the customer and answer small talk yourself.",
        Handoffs = [AirlineAgentNames.Faq, AirlineAgentNames.SeatBooking],
    };

    public static AgentDefinition<AirlineContext> Faq { get; } = new()
    {
        Name = AirlineAgentNames.Faq,
        HandoffDescription = "Answers questions about the airline: baggage, the seats on the plane and wifi.",
        Instructions = _ => TeamPrompt +
            "You are the FAQ agent. The customer was probably transferred to you by the triage agent. Routine:\n" +
            "1. Find the customer's latest question.\n" +
            "2. Answer it with the faq_lookup tool; do not rely on your own knowledge.\n" +
            "3. If the tool cannot answer it, or it is not a question for you, transfer back to the triage agent.",
        Tools = [AirlineTools.FaqLookup],
        Handoffs = [AirlineAgentNames.Triage],
    };

    public static AgentDefinition<AirlineContext> SeatBooking { get; } = new()
    {
        Name = AirlineAgentNames.SeatBooking,
        HandoffDescription = "Changes the seat on the customer's flight.",
        Instructions = context => TeamPrompt +
            "You are the seat booking agent. The customer was probably transferred to you by the triage agent. Routine:\n" +
            "1. Ask for their confirmation number.\n" +
            "2. Ask which seat they would like.\n" +
            "3. Change the seat with the update_seat tool.\n" +
            "If the customer asks about anything else, transfer back to the triage agent.\n\n" +
            $"Booking so far: flight {context.FlightNumber ?? "not assigned"}, " +
            $"confirmation number {context.ConfirmationNumber ?? "unknown"}, seat {context.SeatNumber ?? "unknown"}.",
        Tools = [AirlineTools.UpdateSeat],
        ToolsNeedingApproval = [AirlineTools.UpdateSeatName],
        Handoffs = [AirlineAgentNames.Triage],
        OnHandoff = AirlineTools.AssignFlightNumber,
    };

    /// <summary>A catalog of the three airline agents, starting with triage.</summary>
    public static AgentCatalog<AirlineContext> CreateCatalog() =>
        new(AirlineAgentNames.Triage, [Triage, Faq, SeatBooking]);
}
