using System.Text.Json;

namespace SkAgentSession.FaultInjection;

/// <summary>
/// Checks one session's stored history (from <c>GET /api/sessions/{id}</c>) against what its client sent and was told:
/// every acknowledged message is there exactly once (else duplicated or lost), the user messages are in the order
/// sent (and none is there that was never sent), and each is followed by exactly the items its 200 returned, ending
/// with the reply the client got.
/// </summary>
internal static class HistoryAudit
{
    public static SessionAudit Check(IReadOnlyList<TurnRecord> turns, JsonElement history)
    {
        var items = history.GetProperty("items").EnumerateArray().ToList();
        var userIndexes = Enumerable.Range(0, items.Count).Where(i => IsUserMessage(items[i])).ToList();
        var userTexts = userIndexes.Select(i => items[i].GetProperty("content").GetString()!).ToList();
        var sentTexts = turns.Select(t => t.Message.Text).ToHashSet();
        var acknowledged = turns.Where(t => t.Outcome == TurnOutcome.Acknowledged).ToList();
        var audit = new SessionAudit(turns[0].SessionId);

        foreach (var turn in acknowledged)
        {
            var occurrences = userTexts.Count(text => text == turn.Message.Text);
            if (occurrences == 0)
            {
                audit.Lost++;
                audit.Note($"turn {turn.Message.Turn + 1} ('{turn.Message.Text}') was acknowledged but is not in the history");
                continue;
            }

            if (occurrences > 1)
            {
                audit.Duplicated += occurrences - 1;
                audit.Note($"turn {turn.Message.Turn + 1} ('{turn.Message.Text}') is in the history {occurrences} times");
            }

            var position = userTexts.IndexOf(turn.Message.Text);
            var start = userIndexes[position];
            var end = position + 1 < userIndexes.Count ? userIndexes[position + 1] : items.Count;
            CheckTurnItems(turn, items[start..end], audit);
        }

        audit.Unexpected = userTexts.Count(text => !sentTexts.Contains(text));
        if (audit.Unexpected > 0)
        {
            audit.Note($"{audit.Unexpected} user message(s) in the history were never sent");
        }

        var storedOrder = userTexts.Where(sentTexts.Contains).Distinct().ToList();
        var sentOrder = turns.Select(t => t.Message.Text).Where(storedOrder.Contains).ToList();
        if (!storedOrder.SequenceEqual(sentOrder))
        {
            audit.OutOfOrder = true;
            audit.Note("the user messages are not in the order they were sent");
        }

        return audit;
    }

    private static void CheckTurnItems(TurnRecord turn, List<JsonElement> stored, SessionAudit audit)
    {
        var lastAssistantMessage = stored.LastOrDefault(item =>
            item.GetProperty("type").GetString() == "message" && item.GetProperty("role").GetString() == "assistant");
        if (lastAssistantMessage.ValueKind != JsonValueKind.Object)
        {
            audit.MissingReplies++;
            audit.Note($"turn {turn.Message.Turn + 1} has no reply in the history");
            return;
        }

        var answered = turn.Items!.Value.EnumerateArray().ToList();
        var sameItems = answered.Count == stored.Count && answered.Zip(stored).All(pair => JsonElement.DeepEquals(pair.First, pair.Second));
        if (!sameItems || lastAssistantMessage.GetProperty("content").GetString() != turn.Reply)
        {
            audit.MismatchedTurns++;
            audit.Note($"turn {turn.Message.Turn + 1}: the history holds {stored.Count} item(s) for it, not the {answered.Count} its answer listed");
        }
    }

    private static bool IsUserMessage(JsonElement item) =>
        item.GetProperty("type").GetString() == "message" && item.GetProperty("role").GetString() == "user";
}
