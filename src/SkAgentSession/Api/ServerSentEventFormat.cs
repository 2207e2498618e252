using System.Globalization;
using System.Text.Json;
using SkAgentSession.Agents;
using SkAgentSession.Events;

namespace SkAgentSession.Api;

/// <summary>How session events are written as Server-Sent Events.</summary>
public static class ServerSentEventFormat
{
    public const string ContentType = "text/event-stream";

    /// <summary>A comment line: clients ignore it; it keeps idle connections open through proxies.</summary>
    public const string KeepAlive = ": keep-alive\n\n";

    /// <summary>
    /// <c>id:</c> the event's position, <c>event:</c> its type, <c>data:</c> the event as one line of
    /// JSON (JSON escapes line breaks inside strings, so the data never spans lines).
    /// </summary>
    public static string Format(TurnEvent turnEvent)
    {
        var json = JsonSerializer.Serialize(turnEvent, SessionItemJson.Options);
        return string.Create(CultureInfo.InvariantCulture, $"id: {turnEvent.Id}\nevent: {turnEvent.Type}\ndata: {json}\n\n");
    }
}
