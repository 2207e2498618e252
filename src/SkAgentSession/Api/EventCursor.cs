using System.Globalization;
using SkAgentSession.Events;

namespace SkAgentSession.Api;

/// <summary>
/// Where a client's event stream starts: after the id in the <c>Last-Event-ID</c> header (sent by a
/// reconnecting EventSource), else after the <c>after</c> query parameter, else from the first event
/// of the session's latest turn.
/// The header wins because an EventSource reconnects to its original URL, whose <c>after</c> is stale.
/// </summary>
public static class EventCursor
{
    public const string LastEventIdHeader = "Last-Event-ID";

    public const string AfterParameter = "after";

    /// <summary>No cursor: start at the first event of the session's latest turn (what a fresh page shows).</summary>
    public const long LatestTurn = ReadEvents.FromLatestTurn;

    /// <summary>The id to resume after, or why the values are not valid.</summary>
    public static (long After, string? Error) Parse(string? lastEventId, string? after)
    {
        if (!string.IsNullOrEmpty(lastEventId))
        {
            return ParseId(lastEventId, $"The {LastEventIdHeader} header");
        }

        return after is null ? (LatestTurn, null) : ParseId(after, $"The '{AfterParameter}' query parameter");
    }

    private static (long, string?) ParseId(string value, string what)
    {
        // Digits only: no sign, spaces or exponent, and small enough for a long.
        return value.Length is > 0 and <= 18 && value.All(char.IsAsciiDigit)
            ? (long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture), null)
            : (0, $"{what} is '{Truncate(value)}'; it must be an event id: a whole number, 0 or more.");
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
