using System.Text.Json;
using Microsoft.SemanticKernel.ChatCompletion;
using SkAgentSession.Agents;

namespace SkAgentSession.Tests.Agents;

public class TurnStatusItemTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_turn_status_is_stored_as_readable_json_and_reads_back()
    {
        SessionItem item = TurnStatusItem.ForFailed("Triage Agent", "the model refused the request", At);

        var json = JsonSerializer.Serialize(item, SessionItemJson.Options);

        using var document = JsonDocument.Parse(json);
        Assert.Equal("turn_status", document.RootElement.GetProperty("type").GetString());
        Assert.Equal("failed", document.RootElement.GetProperty("status").GetString());
        Assert.Equal("the model refused the request", document.RootElement.GetProperty("error").GetString());
        Assert.Equal(item, JsonSerializer.Deserialize<SessionItem>(json, SessionItemJson.Options));
        Assert.DoesNotContain("error", JsonSerializer.Serialize<SessionItem>(TurnStatusItem.ForCancelled("Triage Agent", At), SessionItemJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public void The_model_never_sees_how_an_earlier_turn_ended()
    {
        SessionItem[] items =
        [
            MessageItem.FromUser("Triage Agent", "first", At),
            TurnStatusItem.ForCancelled("Triage Agent", At),
            MessageItem.FromUser("Triage Agent", "second", At),
        ];

        var history = ChatHistoryMapper.ToChatHistory("system", items);

        Assert.Equal([AuthorRole.System, AuthorRole.User, AuthorRole.User], history.Select(m => m.Role));
        Assert.Equal(["system", "first", "second"], history.Select(m => m.Content));
    }
}
