using SkAgentSession.Api;

namespace SkAgentSession.Tests.Events;

public sealed class EventCursorTests
{
    [Theory]
    [InlineData(null, null, EventCursor.LatestTurn)]
    [InlineData("", null, EventCursor.LatestTurn)]
    [InlineData("17", null, 17)]
    [InlineData(null, "5", 5)]
    [InlineData("", "5", 5)]
    [InlineData("17", "5", 17)] // a reconnecting EventSource sends its original URL: the header is newer
    [InlineData("0", null, 0)]
    [InlineData("000123", null, 123)]
    [InlineData("999999999999999999", null, 999999999999999999)]
    public void The_stream_resumes_after_the_header_else_the_parameter_else_from_the_start(string? header, string? after, long expected)
    {
        var (cursor, error) = EventCursor.Parse(header, after);

        Assert.Null(error);
        Assert.Equal(expected, cursor);
    }

    [Theory]
    [InlineData("-1", null, "Last-Event-ID")]
    [InlineData("abc", null, "Last-Event-ID")]
    [InlineData(" 5", null, "Last-Event-ID")]
    [InlineData("+5", null, "Last-Event-ID")]
    [InlineData("1e3", null, "Last-Event-ID")]
    [InlineData("9999999999999999999", null, "Last-Event-ID")]
    [InlineData(null, "", "'after'")]
    [InlineData(null, "x", "'after'")]
    [InlineData(null, "-3", "'after'")]
    [InlineData("bad", "5", "Last-Event-ID")]
    public void A_value_that_is_not_an_event_id_is_refused_with_a_message_naming_it(string? header, string? after, string named)
    {
        var (_, error) = EventCursor.Parse(header, after);

        Assert.NotNull(error);
        Assert.Contains(named, error);
    }
}
