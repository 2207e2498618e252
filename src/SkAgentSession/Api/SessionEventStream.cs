using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using SkAgentSession.Events;

namespace SkAgentSession.Api;

/// <summary>
/// The open Server-Sent Events response of one client: writes the session's events after the
/// cursor as they are stored, until the client disconnects. When there is nothing new it waits for
/// the in-process wake-up or the poll interval, and sends a keep-alive comment now and then.
/// A read that fails on the way (Restate restarting) is retried; the stream stays open.
/// </summary>
internal sealed class SessionEventStream(
    string sessionId,
    long after,
    EventsRead firstRead,
    ISessionEventLogClient log,
    SessionEventSignal signal,
    SessionEventsOptions options,
    ILogger logger) : IResult
{
    private static readonly TimeSpan ReadRetryInterval = TimeSpan.FromSeconds(1);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var aborted = httpContext.RequestAborted;
        response.ContentType = ServerSentEventFormat.ContentType;
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no"; // nginx would otherwise hold the stream back
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        try
        {
            // Headers go out at once, so the client's EventSource opens even when there is nothing to send yet.
            await response.Body.FlushAsync(aborted);
            await StreamAsync(response, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away: the normal end of a stream.
        }
        catch (SessionEventLogException failure)
        {
            // Not a passing outage (those are retried): end the stream; the client reconnects with its Last-Event-ID.
            logger.LogError(failure, "The event stream of session {SessionId} ends: the log cannot be read", sessionId);
        }
    }

    private async Task StreamAsync(HttpResponse response, CancellationToken aborted)
    {
        // With no cursor the first read started at the latest turn's first event: go on from there.
        var cursor = after == EventCursor.LatestTurn ? firstRead.After : after;
        EventsRead? read = firstRead;
        var handedOver = false;
        var lastWrite = Stopwatch.GetTimestamp();
        while (!aborted.IsCancellationRequested)
        {
            using var wakeUp = signal.Listen(sessionId);
            read ??= await TryReadAsync(cursor, aborted);
            if (read is { Events.Count: > 0 })
            {
                foreach (var turnEvent in read.Events)
                {
                    await response.WriteAsync(ServerSentEventFormat.Format(turnEvent), aborted);
                    cursor = turnEvent.Id;
                }

                await response.Body.FlushAsync(aborted);
                lastWrite = Stopwatch.GetTimestamp();
                read = null;

                // A read may have stopped at its limit: read on. Events handed over by this process are all
                // there is up to now, and the listener taken above hears of any stored since.
                if (!handedOver)
                {
                    continue;
                }

                read = new EventsRead([], cursor);
            }

            var sinceWrite = Stopwatch.GetElapsedTime(lastWrite);
            if (sinceWrite >= options.KeepAliveInterval)
            {
                await response.WriteAsync(ServerSentEventFormat.KeepAlive, aborted);
                await response.Body.FlushAsync(aborted);
                lastWrite = Stopwatch.GetTimestamp();
                sinceWrite = TimeSpan.Zero;
            }

            var wait = read is null ? ReadRetryInterval : options.PollInterval;
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks, (options.KeepAliveInterval - sinceWrite).Ticks));
            read = null;
            handedOver = false;
            if (await Task.WhenAny(wakeUp.Pulsed, Task.Delay(wait, aborted)) == wakeUp.Pulsed
                && await wakeUp.Pulsed is { Count: > 0 } handed
                && handed[0].Id == cursor + 1)
            {
                // This process stored them, right after what was sent: no need to read them back.
                read = new EventsRead(handed, handed[^1].Id);
                handedOver = true;
            }
        }
    }

    private async Task<EventsRead?> TryReadAsync(long cursor, CancellationToken aborted)
    {
        try
        {
            return await log.ReadAsync(sessionId, new ReadEvents(cursor), aborted);
        }
        catch (SessionEventLogException failure) when (failure.IsTransient)
        {
            logger.LogWarning("Reading the events of session {SessionId} failed ({Error}); retrying", sessionId, failure.Message);
            return null;
        }
    }
}
