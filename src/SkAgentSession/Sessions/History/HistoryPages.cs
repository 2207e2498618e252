using System.Globalization;

namespace SkAgentSession.Sessions.History;

/// <summary>The state keys of a session's paged history.</summary>
public static class HistoryPages
{
    public const int PageSize = 64;

    public const string HeaderKey = "history.header";

    /// <summary>The key of the history before pages: one <c>items</c> array, read and migrated on a session's next turn.</summary>
    public const string LegacyItemsKey = "items";

    public static string PageKey(int page) => string.Create(CultureInfo.InvariantCulture, $"history.{page}");

    public static int PageOf(int index) => index / PageSize;
}
