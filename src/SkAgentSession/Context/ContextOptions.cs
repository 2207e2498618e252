namespace SkAgentSession.Context;

/// <summary>
/// How much of a session's history the model sees (configuration section <c>SkAgentSession:Context</c>).
/// When the items after the latest summary exceed <see cref="MaxItems"/>, the older ones are
/// summarised in a durable step of their own, and the model sees the summary and at least the
/// <see cref="KeepItems"/> most recent items. The stored transcript is never shortened.
/// </summary>
public sealed class ContextOptions
{
    public const string SectionName = "SkAgentSession:Context";

    /// <summary>Items the model may see besides the summary before older ones are summarised; 0 turns summaries off.</summary>
    public int MaxItems { get; set; } = 80;

    /// <summary>Recent items the model always sees verbatim.</summary>
    public int KeepItems { get; set; } = 30;

    public void Validate()
    {
        if (MaxItems < 0 || KeepItems < 1 || (MaxItems > 0 && KeepItems >= MaxItems))
        {
            throw new InvalidOperationException($"{SectionName}: MaxItems ({MaxItems}) must be 0 (off) or greater than KeepItems ({KeepItems}), which must be at least 1.");
        }
    }
}
