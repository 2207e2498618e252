namespace SkAgentSession.FaultInjection.Tests;

public sealed class HistoryAuditTests
{
    private const string Session = "run-s001";
    private static readonly System.Text.Json.JsonElement[] First = TurnSamples.FaqTurnItems("How much baggage? (ref 1/1)", "One bag.", TurnSamples.Start);
    private static readonly System.Text.Json.JsonElement[] Second = TurnSamples.FaqTurnItems("Is there wifi? (ref 1/2)", "Yes, free wifi.", TurnSamples.Start.AddSeconds(10));

    private static readonly TurnRecord[] Turns = [TurnSamples.Acknowledged(Session, 0, First), TurnSamples.Acknowledged(Session, 1, Second)];

    [Fact]
    public void A_history_with_each_turn_once_in_order_passes()
    {
        var audit = HistoryAudit.Check(Turns, TurnSamples.History(Session, [.. First, .. Second]));

        Assert.Equal((0, 0, 0, false, 0, 0), Counts(audit));
        Assert.Empty(audit.Notes);
    }

    [Fact]
    public void A_turn_stored_twice_counts_as_duplicated()
    {
        var audit = HistoryAudit.Check(Turns, TurnSamples.History(Session, [.. First, .. Second, .. Second]));

        Assert.Equal(1, audit.Duplicated);
        Assert.Contains(audit.Notes, n => n.Contains("2 times", StringComparison.Ordinal));
    }

    [Fact]
    public void An_acknowledged_turn_missing_from_the_history_counts_as_lost()
    {
        var audit = HistoryAudit.Check(Turns, TurnSamples.History(Session, First));

        Assert.Equal(1, audit.Lost);
    }

    [Fact]
    public void Turns_stored_in_another_order_are_out_of_order()
    {
        var audit = HistoryAudit.Check(Turns, TurnSamples.History(Session, [.. Second, .. First]));

        Assert.True(audit.OutOfOrder);
    }

    [Fact]
    public void A_user_message_without_its_reply_is_a_missing_reply()
    {
        var audit = HistoryAudit.Check(Turns, TurnSamples.History(Session, [.. First[..1], .. Second]));

        Assert.Equal(1, audit.MissingReplies);
    }

    [Fact]
    public void A_turn_stored_with_other_items_than_its_answer_listed_is_mismatched()
    {
        // The tool call and result of the first turn are missing: half a turn.
        var audit = HistoryAudit.Check(Turns, TurnSamples.History(Session, [First[0], First[1], First[4], .. Second]));

        Assert.Equal(1, audit.MismatchedTurns);
    }

    [Fact]
    public void A_user_message_never_sent_is_unexpected()
    {
        var stranger = TurnSamples.FaqTurnItems("Who are you?", "A scripted model.", TurnSamples.Start.AddSeconds(20));
        var audit = HistoryAudit.Check(Turns, TurnSamples.History(Session, [.. First, .. Second, .. stranger]));

        Assert.Equal(1, audit.Unexpected);
    }

    private static (int, int, int, bool, int, int) Counts(SessionAudit audit) =>
        (audit.Duplicated, audit.Lost, audit.Unexpected, audit.OutOfOrder, audit.MissingReplies, audit.MismatchedTurns);
}
