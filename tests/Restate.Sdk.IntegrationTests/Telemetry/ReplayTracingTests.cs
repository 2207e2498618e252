using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Restate.Sdk.IntegrationTests.Telemetry;

/// <summary>
/// The SDK's spans against the real server: the trace context of the ingress call reaches the
/// attempt spans, and an attempt that replays a journaled step says so and emits no span for it.
/// The listener is process-wide: the test reads only the spans of the trace it started.
/// </summary>
public sealed class ReplayTracingTests(TracedEnvironment env) : IClassFixture<TracedEnvironment>, IDisposable
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private ActivityListener? _listener;

    public void Dispose() => _listener?.Dispose();

    [Fact]
    public async Task A_suspended_and_resumed_invocation_has_two_attempt_spans_in_the_callers_trace_and_one_step_span()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == RestateDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
        var traceId = ActivityTraceId.CreateRandom();
        var callerSpanId = ActivitySpanId.CreateRandom();
        var tag = Guid.NewGuid().ToString("N");

        using var http = new HttpClient { BaseAddress = env.IngressUrl, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{TracedEnvironment.Service}/{TracedEnvironment.Handler}")
        {
            Content = new StringContent($"\"{tag}\"", Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{callerSpanId}-01");
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        var spans = _spans.Where(s => s.TraceId == traceId).ToList();
        var attempts = spans.Where(s => s.DisplayName == $"{TracedEnvironment.Service}/{TracedEnvironment.Handler}").OrderBy(s => s.StartTimeUtc).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal("suspended", attempts[0].GetTagItem("restate.invocation.outcome"));
        Assert.Equal(false, attempts[0].GetTagItem("restate.invocation.replayed"));
        Assert.Equal("completed", attempts[1].GetTagItem("restate.invocation.outcome"));
        Assert.Equal(true, attempts[1].GetTagItem("restate.invocation.replayed"));
        Assert.Equal(attempts[0].GetTagItem("restate.invocation.id"), attempts[1].GetTagItem("restate.invocation.id"));
        Assert.All(attempts, attempt => Assert.Equal(ActivityKind.Server, attempt.Kind));

        // restate-server (its tracing off here) sends no traceparent with the invocation request: both
        // attempts continue the caller's context, which Restate keeps in the input's headers.
        Assert.All(attempts, attempt => Assert.Equal(callerSpanId, attempt.ParentSpanId));

        var step = Assert.Single(spans, s => s.DisplayName == TracedEnvironment.Step);
        Assert.Equal(attempts[0].SpanId, step.ParentSpanId);
        Assert.Equal(1, env.Probe.Count("step executions:" + tag));
    }
}
