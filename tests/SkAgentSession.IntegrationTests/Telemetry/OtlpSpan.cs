namespace SkAgentSession.IntegrationTests.Telemetry;

/// <summary>A span as an OTLP exporter sent it (ids in lowercase hex, empty parent for a root).</summary>
internal sealed record OtlpSpan(
    string Service,
    string Scope,
    string TraceId,
    string SpanId,
    string ParentSpanId,
    string Name,
    int Kind,
    IReadOnlyDictionary<string, object?> Attributes,
    int StatusCode)
{
    public object? this[string attribute] => Attributes.GetValueOrDefault(attribute);

    public override string ToString() =>
        $"{Service} [{Scope}] {Name} {SpanId} <- {ParentSpanId} {{{string.Join(", ", Attributes.Select(a => $"{a.Key}={a.Value}"))}}}";
}
