using Restate.Sdk;
using SkAgentSession.Agents;

namespace SkAgentSession.Sessions.History;

/// <summary>
/// A session's history as stored: items in pages of <see cref="HistoryPages.PageSize"/> under their
/// own state keys, and a header. It holds a window of the items (from <see cref="First"/> to the
/// end); indices are positions in the whole history. Saving writes only the pages that changed and
/// the header, so a turn costs the same however long the history is.
/// </summary>
internal sealed class PagedHistory
{
    private readonly List<SessionItem> _window;
    private int _storedCount;
    private bool _legacy;
    private int _dirtyFrom;
    private int _messageCount;

    private PagedHistory(int first, List<SessionItem> window, int storedCount, int messageCount, int dirtyFrom)
    {
        First = first;
        _window = window;
        _storedCount = storedCount;
        _messageCount = messageCount;
        _dirtyFrom = dirtyFrom;
    }

    /// <summary>The position of the first item held.</summary>
    public int First { get; }

    public int Count => First + _window.Count;

    public SessionItem this[int index] => index >= First
        ? _window[index - First]
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"Only the items from {First} on were read.");

    /// <summary>
    /// Reads the items from the page that holds <paramref name="from"/> to the end. A session still in
    /// the layout before pages (one <c>items</c> array) is read whole and is written in pages at the
    /// next save.
    /// </summary>
    public static async Task<PagedHistory> Load(ISharedObjectContext ctx, int from)
    {
        var header = await ctx.Get<HistoryHeader>(HistoryPages.HeaderKey);
        if (header is null)
        {
            var legacy = await ctx.Get<List<SessionItem>>(HistoryPages.LegacyItemsKey);
            return legacy is null
                ? new PagedHistory(0, [], 0, 0, int.MaxValue)
                : new PagedHistory(0, legacy, storedCount: 0, legacy.OfType<MessageItem>().Count(), dirtyFrom: 0) { _legacy = true };
        }

        var firstPage = HistoryPages.PageOf(Math.Clamp(from, 0, header.Count));
        var window = new List<SessionItem>();
        for (var page = firstPage; page * HistoryPages.PageSize < header.Count; page++)
        {
            window.AddRange(await ctx.Get<List<SessionItem>>(HistoryPages.PageKey(page)) ?? []);
        }

        return new PagedHistory(firstPage * HistoryPages.PageSize, window, header.Count, header.MessageCount, int.MaxValue);
    }

    /// <summary>For code that has a whole history in memory.</summary>
    public static PagedHistory Of(IEnumerable<SessionItem> items)
    {
        List<SessionItem> all = [.. items];
        return new PagedHistory(0, all, all.Count, all.OfType<MessageItem>().Count(), int.MaxValue);
    }

    /// <summary>The items from <paramref name="index"/> to the end.</summary>
    public IReadOnlyList<SessionItem> From(int index) =>
        index >= First ? _window[(index - First)..] : throw new ArgumentOutOfRangeException(nameof(index), index, $"Only the items from {First} on were read.");

    public void Add(SessionItem item) => ReplaceFrom(Count, [item]);

    /// <summary>Makes the items from <paramref name="index"/> on <paramref name="items"/>.</summary>
    public void ReplaceFrom(int index, IEnumerable<SessionItem> items)
    {
        var removed = From(index);
        _messageCount -= removed.OfType<MessageItem>().Count();
        _window.RemoveRange(index - First, removed.Count);
        var added = items.ToList();
        _window.AddRange(added);
        _messageCount += added.OfType<MessageItem>().Count();
        _dirtyFrom = Math.Min(_dirtyFrom, index);
    }

    /// <summary>Writes the pages that changed, clears pages no longer used, then the header.</summary>
    public void Save(IObjectContext ctx)
    {
        if (_dirtyFrom == int.MaxValue)
        {
            return;
        }

        var lastPage = Count == 0 ? -1 : HistoryPages.PageOf(Count - 1);
        for (var page = HistoryPages.PageOf(_dirtyFrom); page <= lastPage; page++)
        {
            var start = page * HistoryPages.PageSize;
            ctx.Set(HistoryPages.PageKey(page), _window.GetRange(start - First, Math.Min(HistoryPages.PageSize, Count - start)));
        }

        for (var page = lastPage + 1; page * HistoryPages.PageSize < _storedCount; page++)
        {
            ctx.Clear(HistoryPages.PageKey(page));
        }

        if (_legacy)
        {
            ctx.Clear(HistoryPages.LegacyItemsKey);
            _legacy = false;
        }

        var lastMessage = _window.OfType<MessageItem>().LastOrDefault();
        ctx.Set(HistoryPages.HeaderKey, new HistoryHeader
        {
            Count = Count,
            MessageCount = _messageCount,
            LastMessage = lastMessage?.Content,
            UpdatedAt = _window.Count == 0 ? null : _window[^1].Timestamp,
        });
        _storedCount = Count;
        _dirtyFrom = int.MaxValue;
    }
}
