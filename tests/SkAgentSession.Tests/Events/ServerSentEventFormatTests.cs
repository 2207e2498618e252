using SkAgentSession.Api;
using SkAgentSession.Events;

namespace SkAgentSession.Tests.Events;

public sealed class ServerSentEventFormatTests
{
    [Fact]
    public void An_event_is_its_id_its_type_and_one_line_of_camel_case_json()
    {
        var turnEvent = TestEvents.Delta("t1", "Hello") with { Id = 42 };

        Assert.Equal(
            "id: 42\nevent: text.delta\ndata: {\"id\":42,\"type\":\"text.delta\",\"turnId\":\"t1\",\"agent\":\"Triage Agent\",\"text\":\"Hello\"}\n\n",
            ServerSentEventFormat.Format(turnEvent));
    }

    [Fact]
    public void Line_breaks_in_the_text_stay_inside_the_json_line()
    {
        var formatted = ServerSentEventFormat.Format(TestEvents.Delta("t1", "one\ntwo\r\nthree\rfour") with { Id = 1 });

        Assert.Equal(["id: 1", "event: text.delta"], formatted.Split('\n')[..2]);
        Assert.Equal(5, formatted.Split('\n').Length); // id, event, data, then "\n\n" ends the event
        Assert.Contains("\"text\":\"one\\ntwo\\r\\nthree\\rfour\"", formatted);
    }

    [Fact]
    public void Fields_a_type_does_not_use_are_left_out()
    {
        var retrying = new TurnEvent { Id = 7, Type = TurnEventTypes.TurnRetrying, TurnId = "t1", Agent = "Seat Booking Agent", Attempt = 2 };

        Assert.EndsWith(
            "data: {\"id\":7,\"type\":\"turn.retrying\",\"turnId\":\"t1\",\"agent\":\"Seat Booking Agent\",\"attempt\":2}\n\n",
            ServerSentEventFormat.Format(retrying));
    }

    [Fact]
    public void A_keep_alive_is_a_comment() => Assert.Equal(": keep-alive\n\n", ServerSentEventFormat.KeepAlive);
}
