namespace SkAgentSession.Telemetry;

/// <summary>
/// Restate's requests to the service endpoint that carry no <c>traceparent</c> (restate-server's own
/// tracing is off). ASP.NET Core's span for such a request would begin a trace of its own, apart from
/// the chat message's; the SDK's attempt span continues the message's trace instead, so that span is
/// left out.
/// </summary>
internal static class UntracedInvocationRequests
{
    private const string InvocationContentTypePrefix = "application/vnd.restate.invocation";

    public static bool Matches(HttpContext http) =>
        http.Request.ContentType?.StartsWith(InvocationContentTypePrefix, StringComparison.OrdinalIgnoreCase) == true
        && !http.Request.Headers.ContainsKey("traceparent");
}
