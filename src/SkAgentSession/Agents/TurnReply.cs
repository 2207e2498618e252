namespace SkAgentSession.Agents;

/// <summary>
/// What a turn answered, as one text: the contents of the turn's assistant messages, in order, those
/// that have text, separated by <see cref="MessageSeparator"/>. Almost every turn has exactly one
/// assistant message (the final answer), and then the reply is its content; a model may also write
/// text in a response that calls tools, which is stored as a message of its own before the calls.
/// The turn's <c>text.delta</c> events concatenate to this text, separators included.
/// </summary>
public static class TurnReply
{
    public const string MessageSeparator = "\n\n";

    public static string Of(IEnumerable<SessionItem> turnItems)
    {
        ArgumentNullException.ThrowIfNull(turnItems);
        return string.Join(
            MessageSeparator,
            turnItems.OfType<MessageItem>()
                .Where(m => m.Role == SessionItemRole.Assistant && !string.IsNullOrEmpty(m.Content))
                .Select(m => m.Content));
    }
}
