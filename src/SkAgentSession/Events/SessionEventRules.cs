namespace SkAgentSession.Events;

/// <summary>The input rules of the event log's handlers; each check says why the input is refused, or returns <c>null</c>.</summary>
public static class SessionEventRules
{
    public const int MaxEventsPerAppend = 256;

    public const int DefaultReadLimit = 256;

    public const int MaxReadLimit = 1000;

    public const int MaxIdLength = 100;

    public const int MaxTypeLength = 64;

    public static string? CheckAppend(AppendEvents? request)
    {
        if (request is null)
        {
            return "The request needs a JSON body with 'turnId', 'attemptId' and 'events'.";
        }

        if (CheckId("turnId", request.TurnId) is { } turnError)
        {
            return turnError;
        }

        if (request.AttemptId is not null && CheckId("attemptId", request.AttemptId) is { } attemptError)
        {
            return attemptError;
        }

        if (request.Events is null)
        {
            return "The request needs an 'events' array.";
        }

        if (request.Events.Count > MaxEventsPerAppend)
        {
            return $"The batch has {request.Events.Count} events; the limit is {MaxEventsPerAppend} per append.";
        }

        for (var i = 0; i < request.Events.Count; i++)
        {
            if (CheckEvent(request.Events[i], request.TurnId!) is { } eventError)
            {
                return $"Event {i}: {eventError}";
            }
        }

        return null;
    }

    public static string? CheckRead(ReadEvents? request)
    {
        if (request is null)
        {
            return "The request needs a JSON body with 'after' (and optionally 'limit').";
        }

        if (request.After < ReadEvents.FromLatestTurn)
        {
            return $"'after' is {request.After}; it must be an event id (0 or more), or {ReadEvents.FromLatestTurn} for the latest turn's first event.";
        }

        return request.Limit is < 1 or > MaxReadLimit
            ? $"'limit' is {request.Limit}; it must be between 1 and {MaxReadLimit}."
            : null;
    }

    private static string? CheckEvent(TurnEvent? turnEvent, string turnId)
    {
        if (turnEvent is null)
        {
            return "it is null.";
        }

        // The type becomes the SSE "event:" line, so it must not be able to break the framing.
        if (string.IsNullOrEmpty(turnEvent.Type) || turnEvent.Type.Length > MaxTypeLength || !turnEvent.Type.All(IsVisibleAscii))
        {
            return $"the type must be 1 to {MaxTypeLength} visible ASCII characters.";
        }

        if (turnEvent.TurnId != turnId)
        {
            return $"its turnId '{turnEvent.TurnId}' is not the batch's turnId '{turnId}'.";
        }

        return string.IsNullOrEmpty(turnEvent.Agent) ? "it has no agent." : null;
    }

    private static string? CheckId(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"The request needs a '{name}'.";
        }

        return value.Length > MaxIdLength || !value.All(IsVisibleAscii)
            ? $"The '{name}' must be 1 to {MaxIdLength} visible ASCII characters."
            : null;
    }

    private static bool IsVisibleAscii(char c) => c is >= '!' and <= '~';
}
