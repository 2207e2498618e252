using System.Text.Json;
using SkAgentSession.Agents;
using SkAgentSession.Tests.Support;

namespace SkAgentSession.Tests.Agents;

/// <summary>The approval_request item: readable JSON, and invisible to the model.</summary>
public sealed class ApprovalRequestItemTests
{
    private static readonly DateTimeOffset At = ScriptedHarness.Start;

    [Fact]
    public void It_is_stored_as_readable_json_and_read_back()
    {
        SessionItem item = new ApprovalRequestItem
        {
            Agent = "Seat Booking Agent",
            CallId = "call_1",
            Name = "update_seat",
            Arguments = JsonDocument.Parse("""{"new_seat": "12A"}""").RootElement,
            Status = ApprovalRequestItem.Rejected,
            Comment = "no",
            Timestamp = At,
        };

        var json = SessionItemJson.Serialize([item]);

        Assert.Contains("\"type\":\"approval_request\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"rejected\"", json, StringComparison.Ordinal);
        Assert.Contains("\"arguments\":{\"new_seat\": \"12A\"}", json, StringComparison.Ordinal);
        var back = Assert.IsType<ApprovalRequestItem>(Assert.Single(SessionItemJson.Deserialize(json)));
        Assert.Equal(("call_1", "rejected", "no"), (back.CallId, back.Status, back.Comment));
    }

    [Fact]
    public void The_model_sees_the_call_and_its_result_but_not_the_approval_between_them()
    {
        var arguments = JsonDocument.Parse("{}").RootElement;
        SessionItem[] items =
        [
            MessageItem.FromUser("Seat Booking Agent", "ABC123 12A", At),
            new ToolCallItem { Agent = "Seat Booking Agent", CallId = "c1", Name = "update_seat", Arguments = arguments, Timestamp = At },
            new ApprovalRequestItem { Agent = "Seat Booking Agent", CallId = "c1", Name = "update_seat", Arguments = arguments, Status = "approved", Timestamp = At },
            new ToolResultItem { Agent = "Seat Booking Agent", CallId = "c1", Name = "update_seat", Result = "Updated", Timestamp = At },
            MessageItem.FromAssistant("Seat Booking Agent", "Done", At),
        ];

        var history = ChatHistoryMapper.ToChatHistory("system", items);

        Assert.Equal(["system", "user", "assistant", "tool", "assistant"], history.Select(m => m.Role.Label));
    }
}
