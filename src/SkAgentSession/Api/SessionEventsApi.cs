using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SkAgentSession.Events;
using SkAgentSession.Sessions;

namespace SkAgentSession.Api;

/// <summary>The live, resumable event stream of a session: <c>GET /api/sessions/{id}/events</c>.</summary>
public static class SessionEventsApi
{
    private const string Description =
        "A Server-Sent Events stream (text/event-stream) of what happens in the session's turns, from the session's durable event log. " +
        "Each event has an `id:` (its position in the log: 1, 2, … and only growing), an `event:` (its type, such as turn.started, model.request, " +
        "text.delta, tool.call, tool.result, handoff, turn.retrying, turn.completed, turn.failed) and a `data:` line with the event as JSON. " +
        "To resume, send the last id received in the Last-Event-ID header (an EventSource does this when it reconnects), or as the `after` " +
        "query parameter; the stream then starts with the next event, so nothing is missed or repeated. Without either it starts at the first event. " +
        "The header wins over the parameter. A turn.retrying event means the turn's durable step is running again (attempt 2, 3, …): " +
        "discard the text streamed for that turn so far. Idle streams get a `: keep-alive` comment every 15 s. The stream ends only when the client disconnects.";

    public static RouteHandlerBuilder MapSessionEventsApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/sessions/{id}/events", StreamEvents)
            .WithSessionIdCheck()
            .WithTags("Sessions")
            .WithName("StreamSessionEvents")
            .WithSummary("Streams the session's turn events as Server-Sent Events, resumable with Last-Event-ID.")
            .WithDescription(Description)
            .Produces<TurnEvent>(StatusCodes.Status200OK, ServerSentEventFormat.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> StreamEvents(
        string id,
        [FromHeader(Name = EventCursor.LastEventIdHeader)] string? lastEventId,
        [FromQuery(Name = EventCursor.AfterParameter)] string? after,
        ISessionEventLogClient log,
        SessionEventSignal signal,
        IOptions<SessionEventsOptions> options,
        ILogger<SessionEventStream> logger,
        CancellationToken cancellationToken)
    {
        var (cursor, cursorError) = EventCursor.Parse(lastEventId, after);
        if (cursorError is not null)
        {
            return Problem(StatusCodes.Status400BadRequest, "Bad request", cursorError);
        }

        // The first read happens before the response starts, so a Restate that cannot be reached is a
        // 503 the client sees, not an empty stream.
        EventsRead first;
        try
        {
            first = await log.ReadAsync(id, new ReadEvents(cursor), cancellationToken);
        }
        catch (SessionEventLogException failure)
        {
            return failure.IsTransient
                ? Problem(StatusCodes.Status503ServiceUnavailable, "Restate unavailable", $"The session's events could not be read: {failure.Message}")
                : Problem(failure.Status is >= 400 and < 500 ? failure.Status : 502, "The event log refused the read", failure.Message);
        }

        if (cursor > first.LastId)
        {
            return Problem(
                StatusCodes.Status409Conflict,
                "No such event",
                $"The stream was asked to resume after event {cursor}, but the session's last event is {first.LastId}. Reconnect without Last-Event-ID (or with after=0) to read from the start.");
        }

        return new SessionEventStream(id, cursor, first, log, signal, options.Value, logger);
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
