using Microsoft.AspNetCore.Http;
using SkAgentSession.Telemetry;

namespace SkAgentSession.Tests.Telemetry;

/// <summary>Which requests lose ASP.NET Core's span: Restate's invocations without a trace context, nothing else.</summary>
public sealed class UntracedInvocationRequestsTests
{
    [Theory]
    [InlineData("application/vnd.restate.invocation.v5", null, true)]
    [InlineData("application/vnd.restate.invocation.v6", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", false)]
    [InlineData("application/json", null, false)]
    [InlineData(null, null, false)]
    public void Only_an_invocation_request_without_traceparent_matches(string? contentType, string? traceparent, bool matches)
    {
        var http = new DefaultHttpContext();
        http.Request.ContentType = contentType;
        if (traceparent is not null)
        {
            http.Request.Headers["traceparent"] = traceparent;
        }

        Assert.Equal(matches, UntracedInvocationRequests.Matches(http));
    }
}
