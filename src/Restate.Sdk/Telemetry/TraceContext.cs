using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Restate.Sdk.Telemetry;

/// <summary>The W3C trace context Restate sends with an invocation request (<c>traceparent</c>, <c>tracestate</c>).</summary>
internal static class TraceContext
{
    public static ActivityContext FromHeaders(IHeaderDictionary headers)
    {
        if (!RestateTelemetry.Source.HasListeners())
        {
            return default;
        }

        var traceParent = headers.TraceParent.ToString();
        if (traceParent.Length == 0)
        {
            return default;
        }

        var traceState = headers.TraceState.ToString();
        return ActivityContext.TryParse(traceParent, traceState.Length == 0 ? null : traceState, isRemote: true, out var context)
            ? context
            : default;
    }
}
