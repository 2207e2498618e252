namespace SkAgentSession.FaultInjection.Tests;

public sealed class ModelCallLogTests
{
    [Fact]
    public void Lines_are_grouped_by_message_and_a_request_without_tools_is_a_history_summary()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path,
            [
                """{"timestamp":"2026-12-04T18:01:16.0075854+00:00","processId":5296,"attempt":1,"status":200,"lastUserMessage":"Hi (ref 1/1)","tools":["transfer_to_faq_agent","transfer_to_seat_booking_agent"]}""",
                "",
                """{"timestamp":"2026-12-04T18:01:17.0000000+00:00","processId":5296,"attempt":2,"status":200,"lastUserMessage":"Hi (ref 1/1)","tools":[]}""",
            ]);

            var calls = ModelCallLog.ReadByMessage(path)["Hi (ref 1/1)"].ToList();

            Assert.Equal([false, true], calls.Select(c => c.IsHistorySummary));
            Assert.Equal(5296, calls[0].ProcessId);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
