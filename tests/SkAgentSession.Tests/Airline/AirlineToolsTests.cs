using Microsoft.SemanticKernel;
using SkAgentSession.Agents;
using SkAgentSession.Airline;

namespace SkAgentSession.Tests.Airline;

public sealed class AirlineToolsTests
{
    [Theory]
    [InlineData("What's the baggage allowance?", AirlineTools.BaggageAnswer)]
    [InlineData("Can I bring a carry-on?", AirlineTools.BaggageAnswer)]
    [InlineData("Which rows are exit rows?", AirlineTools.SeatsAnswer)]
    [InlineData("Do you have WiFi?", AirlineTools.WifiAnswer)]
    [InlineData("Is there wifi on the plane?", AirlineTools.WifiAnswer)]
    [InlineData("How many seats does the plane have?", AirlineTools.SeatsAnswer)]
    [InlineData("Do you serve food?", AirlineTools.UnknownAnswer)]
    public void Faq_lookup_answers_by_topic(string question, string answer)
    {
        Assert.Equal(answer, AirlineTools.LookUpFaq(question));
    }

    [Fact]
    public void Update_seat_changes_the_context()
    {
        var (kernel, context) = KernelWith(new AirlineContext { FlightNumber = "FLT-123" });

        var result = AirlineTools.ChangeSeat(kernel, " abc123 ", "12a");

        Assert.Equal("Updated seat to 12A for confirmation number ABC123 on flight FLT-123.", result);
        Assert.Equal(("ABC123", "12A"), (context.ConfirmationNumber, context.SeatNumber));
    }

    [Theory]
    [InlineData("ABC12", "12A", "not a confirmation number")]
    [InlineData("ABCDEF", "12A", "not a confirmation number")]
    [InlineData("ABC123", "12Z", "not a seat")]
    [InlineData("ABC123", "31A", "not a seat")]
    public void Update_seat_refuses_bad_details_and_leaves_the_context_alone(string confirmation, string seat, string expected)
    {
        var (kernel, context) = KernelWith(new AirlineContext { FlightNumber = "FLT-123" });

        var result = AirlineTools.ChangeSeat(kernel, confirmation, seat);

        Assert.StartsWith("Error:", result, StringComparison.Ordinal);
        Assert.Contains(expected, result, StringComparison.Ordinal);
        Assert.Null(context.SeatNumber);
    }

    [Fact]
    public void Update_seat_needs_a_flight()
    {
        var (kernel, context) = KernelWith(new AirlineContext());

        Assert.Contains("no flight", AirlineTools.ChangeSeat(kernel, "ABC123", "1A"), StringComparison.Ordinal);
        Assert.Null(context.SeatNumber);
    }

    [Fact]
    public void Tools_outside_a_turn_fail_clearly()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AirlineTools.ChangeSeat(new Kernel(), "ABC123", "1A"));
        Assert.Contains("AgentRunner", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_facing_tool_schema_uses_the_snake_case_parameter_names()
    {
        var parameters = AirlineTools.UpdateSeat.Metadata.Parameters.Where(p => p.ParameterType != typeof(Kernel)).Select(p => p.Name);
        Assert.Equal(["confirmation_number", "new_seat"], parameters);
        Assert.Equal("update_seat", AirlineTools.UpdateSeat.Name);
        Assert.Equal("faq_lookup", AirlineTools.FaqLookup.Name);
    }

    private static (Kernel Kernel, AirlineContext Context) KernelWith(AirlineContext context)
    {
        var kernel = new Kernel();
        kernel.Data[AgentRunContext<AirlineContext>.KernelDataKey] = new AgentRunContext<AirlineContext>(context, new Random(1), AirlineAgentNames.SeatBooking);
        return (kernel, context);
    }
}
