using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Restate.Sdk.Telemetry;

/// <summary>
/// W3C trace context (<c>traceparent</c>, <c>tracestate</c>) from the invocation request's HTTP headers,
/// which restate-server sends only when its own tracing is on, or from the headers of the request that
/// started the invocation (the input), which it keeps either way.
/// </summary>
internal static class TraceContext
{
    public const string TraceParentHeader = "traceparent";
    public const string TraceStateHeader = "tracestate";

    public static ActivityContext FromHeaders(IHeaderDictionary headers)
    {
        if (!RestateTelemetry.Source.HasListeners())
        {
            return default;
        }

        var traceParent = headers.TraceParent.ToString();
        var traceState = headers.TraceState.ToString();
        return Parse(traceParent, traceState.Length == 0 ? null : traceState);
    }

    /// <summary>From the input's headers (a case-insensitive dictionary).</summary>
    public static ActivityContext FromHeaders(IReadOnlyDictionary<string, string> headers) =>
        headers.TryGetValue(TraceParentHeader, out var traceParent)
            ? Parse(traceParent, headers.GetValueOrDefault(TraceStateHeader))
            : default;

    private static ActivityContext Parse(string traceParent, string? traceState) =>
        traceParent.Length > 0 && ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var context)
            ? context
            : default;
}
