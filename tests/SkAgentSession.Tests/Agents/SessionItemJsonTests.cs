using System.Text.Json;
using SkAgentSession.Agents;

namespace SkAgentSession.Tests.Agents;

public sealed class SessionItemJsonTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly JsonSerializerOptions WebDefaults = new(JsonSerializerDefaults.Web);

    public static TheoryData<SessionItem, string> Items() => new()
    {
        {
            MessageItem.FromUser("Triage Agent", "Can I change my seat?", At),
            """{"type":"message","role":"user","agent":"Triage Agent","content":"Can I change my seat?","timestamp":"2026-11-26T10:00:00+00:00"}"""
        },
        {
            MessageItem.FromAssistant("Triage Agent", "Sure ...", At),
            """{"type":"message","role":"assistant","agent":"Triage Agent","content":"Sure ...","timestamp":"2026-11-26T10:00:00+00:00"}"""
        },
        {
            new ToolCallItem { Agent = "FAQ Agent", CallId = "call_1", Name = "faq_lookup", Arguments = JsonDocument.Parse("""{"question":"..."}""").RootElement, Timestamp = At },
            """{"type":"tool_call","role":"assistant","agent":"FAQ Agent","callId":"call_1","name":"faq_lookup","arguments":{"question":"..."},"timestamp":"2026-11-26T10:00:00+00:00"}"""
        },
        {
            new ToolResultItem { Agent = "FAQ Agent", CallId = "call_1", Name = "faq_lookup", Result = "...", Timestamp = At },
            """{"type":"tool_result","role":"tool","agent":"FAQ Agent","callId":"call_1","name":"faq_lookup","result":"...","timestamp":"2026-11-26T10:00:00+00:00"}"""
        },
        {
            new HandoffItem { Agent = "Triage Agent", From = "Triage Agent", To = "Seat Booking Agent", CallId = "call_2", Timestamp = At },
            """{"type":"handoff","role":"assistant","agent":"Triage Agent","from":"Triage Agent","to":"Seat Booking Agent","callId":"call_2","timestamp":"2026-11-26T10:00:00+00:00"}"""
        },
    };

    [Theory]
    [MemberData(nameof(Items))]
    public void Each_item_type_has_the_contract_shape_and_reads_back(SessionItem item, string expected)
    {
        var json = SessionItemJson.Serialize([item]);
        Assert.Equal($"[{expected}]", json);

        var back = Assert.Single(SessionItemJson.Deserialize(json));
        Assert.Equal(item.GetType(), back.GetType());
        Assert.Equal(json, SessionItemJson.Serialize([back]));
    }

    [Theory]
    [MemberData(nameof(Items))]
    public void Plain_web_serializer_options_give_the_same_shape(SessionItem item, string expected)
    {
        // The lead stores items with the SDK's serializer (web defaults); the types name their own properties.
        var json = JsonSerializer.Serialize(item, WebDefaults);
        Assert.Equal(expected, json);
        var back = JsonSerializer.Deserialize<SessionItem>(json, WebDefaults);
        Assert.Equal(item.GetType(), back!.GetType());
    }

    [Fact]
    public void Tool_call_arguments_are_stored_verbatim()
    {
        const string raw = """{ "question" : "Où est le <wifi>?", "n": 1.50 }""";
        var item = new ToolCallItem { Agent = "FAQ Agent", CallId = "c", Name = "faq_lookup", Arguments = JsonDocument.Parse(raw).RootElement, Timestamp = At };

        var json = SessionItemJson.Serialize([item]);
        Assert.Contains(raw, json, StringComparison.Ordinal);

        var back = (ToolCallItem)SessionItemJson.Deserialize(json)[0];
        Assert.Equal(raw, back.Arguments.GetRawText());
    }

    [Fact]
    public void Unknown_type_is_rejected()
    {
        var json = """[{"type":"telepathy","role":"user","agent":"Triage Agent","timestamp":"2026-11-26T10:00:00+00:00"}]""";
        Assert.Throws<JsonException>(() => SessionItemJson.Deserialize(json));
    }

    [Fact]
    public void Missing_required_property_is_rejected()
    {
        var json = """[{"type":"message","role":"user","agent":"Triage Agent","timestamp":"2026-11-26T10:00:00+00:00"}]""";
        var error = Assert.Throws<JsonException>(() => SessionItemJson.Deserialize(json));
        Assert.Contains("content", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_cannot_have_the_tool_role()
    {
        var json = """[{"type":"message","role":"tool","agent":"Triage Agent","content":"x","timestamp":"2026-11-26T10:00:00+00:00"}]""";
        Assert.ThrowsAny<Exception>(() => SessionItemJson.Deserialize(json));
    }

    [Fact]
    public void Type_need_not_come_first()
    {
        var json = """[{"role":"user","agent":"Triage Agent","content":"hi","timestamp":"2026-11-26T10:00:00+00:00","type":"message"}]""";
        var item = Assert.IsType<MessageItem>(Assert.Single(SessionItemJson.Deserialize(json)));
        Assert.Equal("hi", item.Content);
    }
}
