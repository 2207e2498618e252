using System.Net.Http.Json;
using SkAgentSession.IntegrationTests.Fixtures;
using Xunit.Abstractions;

namespace SkAgentSession.IntegrationTests.Telemetry;

/// <summary>
/// One chat message, traced from the HTTP API through restate-server into the session's invocation,
/// its durable step and Semantic Kernel's model call, with the metrics it records; all exported over
/// OTLP to a receiver in the test.
/// </summary>
public sealed class EndToEndTraceTests(TelemetryEnvironment env, ITestOutputHelper output) : IClassFixture<TelemetryEnvironment>
{
    private static readonly TimeSpan ExportWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task One_chat_message_gives_one_connected_trace_from_the_API_to_the_model_call()
    {
        var sessionId = SessionEnvironment.NewSessionId();
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        const string callerSpanId = "00f067aa0ba902b7";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/sessions/{sessionId}/messages")
        {
            Content = JsonContent.Create(new { message = "Is there wifi on the plane?" }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{callerSpanId}-01");

        using var response = await env.Api.SendAsync(request);
        response.EnsureSuccessStatusCode();

        var spans = await WaitForTraceAsync(
            traceId,
            s => s.Scope == "Microsoft.AspNetCore" && s.Name == "POST /api/sessions/{id}/messages",
            s => s.Service == "Restate" && s.Name == "invocation-attempt AgentSession/{key}/chat",
            IsGenAiChat);
        var byId = spans.ToDictionary(s => s.SpanId);
        output.WriteLine(Describe(spans));

        // The HTTP API's span continues the caller's context and calls the ingress inside it.
        var api = Assert.Single(spans, s => s.Scope == "Microsoft.AspNetCore" && s.Name == "POST /api/sessions/{id}/messages");
        Assert.Equal(callerSpanId, api.ParentSpanId);
        Assert.Equal(TelemetryEnvironment.ServiceName, api.Service);
        var ingressCall = Assert.Single(spans, s => s.Scope == "System.Net.Http" && (s["url.full"] as string ?? "").Contains($"/AgentSession/{sessionId}/chat", StringComparison.Ordinal));
        Assert.Equal(api.SpanId, ingressCall.ParentSpanId);

        // restate-server continues the ingress call's context (traceparent) into the invocation's attempt.
        var ingress = Assert.Single(spans, s => s.Service == "Restate" && s.Name == "ingress AgentSession/{key}/chat");
        Assert.Equal(ingressCall.SpanId, ingress.ParentSpanId);
        var serverAttempt = Assert.Single(spans, s => s.Service == "Restate" && s.Name == "invocation-attempt AgentSession/{key}/chat");
        Assert.True(IsAncestor(ingress, serverAttempt, byId), "restate-server's attempt is not under its ingress span.");

        // The SDK's attempt span continues the context Restate sent with the invocation request.
        var invocation = Assert.Single(spans, s => s.Scope == "Restate.Sdk" && Equals(s["restate.invocation.target"], $"AgentSession/{sessionId}/chat"));
        Assert.Equal("AgentSession/chat", invocation.Name);
        Assert.Equal(serverAttempt["restate.invocation.id"], invocation["restate.invocation.id"]);
        Assert.StartsWith("inv_", invocation["restate.invocation.id"] as string);
        Assert.Equal(1L, invocation["restate.invocation.attempt"]);
        Assert.Equal(false, invocation["restate.invocation.replayed"]);
        Assert.Equal("completed", invocation["restate.invocation.outcome"]);
        Assert.True(IsAncestor(serverAttempt, invocation, byId), "The invocation span is not under restate-server's attempt:\n" + Describe(spans));

        // The durable step, the app's model request and Semantic Kernel's GenAI span nest inside it.
        var step = Assert.Single(spans, s => s.Scope == "Restate.Sdk" && s.Name == "agent turn");
        Assert.Equal(invocation.SpanId, step.ParentSpanId);
        var modelRequests = spans.Where(s => s.Scope == "SkAgentSession" && s.Name == "model request").ToList();
        Assert.NotEmpty(modelRequests);
        Assert.All(modelRequests, request =>
        {
            Assert.Equal(step.SpanId, request.ParentSpanId);
            Assert.True(request["gen_ai.usage.input_tokens"] is long and > 0, "No input token usage on " + request);
            Assert.True(request["gen_ai.usage.output_tokens"] is long and > 0, "No output token usage on " + request);
            var genAi = Assert.Single(spans, s => IsGenAiChat(s) && s.ParentSpanId == request.SpanId);
            Assert.Equal("scripted-demo", genAi["gen_ai.request.model"]);
        });
    }

    [Fact]
    public async Task A_turn_records_invocation_turn_model_and_token_metrics()
    {
        var sessionId = SessionEnvironment.NewSessionId();
        using var response = await env.PostMessageAsync(sessionId, "Is there wifi on the plane?");
        response.EnsureSuccessStatusCode();

        await Eventually.HoldsAsync(
            () => Sum("restate.invocation.attempts", p => Equals(p.Attributes.GetValueOrDefault("restate.service"), "AgentSession") && Equals(p.Attributes.GetValueOrDefault("restate.handler"), "chat")) >= 1
                && Sum("skagentsession.turns", p => Equals(p.Attributes.GetValueOrDefault("outcome"), "completed")) >= 1
                && Sum("skagentsession.model.requests", _ => true) >= 1
                && Sum("restate.invocation.attempt.duration", _ => true) >= 1
                && Sum("skagentsession.turn.duration", _ => true) >= 1,
            ExportWait,
            "The invocation and turn metrics did not arrive. Received: " + string.Join(", ", env.Receiver.MetricPoints.Select(p => p.Metric).Distinct()));

        Assert.True(Sum("skagentsession.model.tokens", p => Equals(p.Attributes.GetValueOrDefault("gen_ai.token.type"), "input")) > 0, "No input tokens were counted.");
        Assert.True(Sum("skagentsession.model.tokens", p => Equals(p.Attributes.GetValueOrDefault("gen_ai.token.type"), "output")) > 0, "No output tokens were counted.");
    }

    /// <summary>The latest value of each series of a cumulative metric, summed over the series that match.</summary>
    private double Sum(string metric, Func<OtlpMetricPoint, bool> match) =>
        env.Receiver.MetricPoints
            .Where(p => p.Metric == metric && p.Service == TelemetryEnvironment.ServiceName && match(p))
            .GroupBy(p => string.Join(",", p.Attributes.OrderBy(a => a.Key).Select(a => $"{a.Key}={a.Value}")))
            .Sum(series => series.Last().Value);

    /// <summary>Waits until the trace holds a span matching each of <paramref name="expected"/> (the two processes export separately).</summary>
    private async Task<List<OtlpSpan>> WaitForTraceAsync(string traceId, params Func<OtlpSpan, bool>[] expected)
    {
        List<OtlpSpan> Trace() => [.. env.Receiver.Spans.Where(s => s.TraceId == traceId)];
        await Eventually.HoldsAsync(
            () => expected.All(Trace().Any),
            ExportWait,
            $"The trace {traceId} did not arrive whole. Received:\n{Describe(Trace())}");
        return Trace();
    }

    private static bool IsGenAiChat(OtlpSpan span) =>
        span.Scope.StartsWith("Microsoft.SemanticKernel", StringComparison.Ordinal) && Equals(span["gen_ai.operation.name"], "chat");

    private static bool IsAncestor(OtlpSpan ancestor, OtlpSpan span, Dictionary<string, OtlpSpan> byId)
    {
        for (var current = span; byId.TryGetValue(current.ParentSpanId, out var parent); current = parent)
        {
            if (parent.SpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(IReadOnlyList<OtlpSpan> spans) => string.Join("\n", spans.Select(s => s.ToString()));
}
