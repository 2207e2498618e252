using SkAgentSession.Agents;
using SkAgentSession.Sessions.History;

namespace SkAgentSession.Context;

/// <summary>Decides which items the model sees, and where the next summary ends.</summary>
internal static class ContextWindow
{
    /// <summary>The items after the summary: what the model sees besides it.</summary>
    internal static IReadOnlyList<SessionItem> Visible(PagedHistory items, HistorySummary? summary) => items.From(summary?.CoversItems ?? 0);

    /// <summary>
    /// Where a new summary should end, or null when none is needed: the latest user message that
    /// leaves at least <see cref="ContextOptions.KeepItems"/> items after it. Cutting only before a
    /// user message keeps every turn whole, so a tool call is never parted from its result.
    /// </summary>
    internal static int? NextCut(PagedHistory items, HistorySummary? summary, ContextOptions options)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(options);
        var covered = summary?.CoversItems ?? 0;
        if (options.MaxItems <= 0 || items.Count - covered <= options.MaxItems)
        {
            return null;
        }

        for (var cut = items.Count - options.KeepItems; cut > covered; cut--)
        {
            if (items[cut] is MessageItem { Role: SessionItemRole.User })
            {
                return cut;
            }
        }

        return null;
    }
}
