using System.Globalization;
using SkAgentSession.Sessions.History;

namespace SkAgentSession.Api;

/// <summary>Reads <c>?limit=&amp;before=&amp;after=</c> of a history request, with a clear message for each way it can be wrong.</summary>
internal static class HistoryPageQuery
{
    public static (HistoryPageRequest? Request, string? Error) Read(IQueryCollection query)
    {
        foreach (var name in query.Keys)
        {
            if (name is not ("limit" or "before" or "after"))
            {
                return (null, $"Unknown query parameter '{name}': use limit, before or after.");
            }
        }

        if (!TryInt(query, "limit", out var limit) || limit is null)
        {
            return (null, $"'limit' must be a whole number between 1 and {HistoryPageRequest.MaxLimit}.");
        }

        if (!TryInt(query, "before", out var before) || !TryInt(query, "after", out var after))
        {
            return (null, "'before' and 'after' must be positions in the history (whole numbers, 0 or more), as nextBefore and nextAfter give them.");
        }

        var request = new HistoryPageRequest { Limit = limit.Value, Before = before, After = after };
        return request.Check() is { } error ? (null, error) : (request, null);
    }

    private static bool TryInt(IQueryCollection query, string name, out int? value)
    {
        value = null;
        if (!query.TryGetValue(name, out var text))
        {
            return true;
        }

        if (text.Count != 1 || !int.TryParse(text[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        value = number;
        return true;
    }
}
