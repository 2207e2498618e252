namespace SkAgentSession.IntegrationTests.Telemetry;

/// <summary>
/// Decodes OTLP export requests (opentelemetry/proto/collector/{trace,metrics}/v1) into spans and
/// metric points, reading only the fields the tests look at.
/// </summary>
internal static class OtlpDecoder
{
    public static List<OtlpSpan> Traces(ReadOnlySpan<byte> request)
    {
        var spans = new List<OtlpSpan>();
        foreach (var (service, scopeSpans) in ByResource(request))
        {
            foreach (var scopeBytes in scopeSpans)
            {
                var scope = new ProtoReader(scopeBytes);
                var scopeName = "";
                var spanMessages = new List<byte[]>();
                while (scope.Next())
                {
                    switch (scope.Field)
                    {
                        case 1: scopeName = ScopeName(scope.ReadBytes()); break;
                        case 2: spanMessages.Add(scope.ReadBytes().ToArray()); break;
                        default: scope.Skip(); break;
                    }
                }

                spans.AddRange(spanMessages.Select(span => Span(service, scopeName, span)));
            }
        }

        return spans;
    }

    public static List<OtlpMetricPoint> Metrics(ReadOnlySpan<byte> request)
    {
        var points = new List<OtlpMetricPoint>();
        foreach (var (service, scopeMetrics) in ByResource(request))
        {
            foreach (var scopeBytes in scopeMetrics)
            {
                var scope = new ProtoReader(scopeBytes);
                var scopeName = "";
                var metricMessages = new List<byte[]>();
                while (scope.Next())
                {
                    switch (scope.Field)
                    {
                        case 1: scopeName = ScopeName(scope.ReadBytes()); break;
                        case 2: metricMessages.Add(scope.ReadBytes().ToArray()); break;
                        default: scope.Skip(); break;
                    }
                }

                foreach (var metric in metricMessages)
                {
                    AddMetric(points, service, scopeName, metric);
                }
            }
        }

        return points;
    }

    /// <summary>Resource{Spans,Metrics}: the resource's service.name and the scope messages (field 2).</summary>
    private static List<(string Service, List<byte[]> Scopes)> ByResource(ReadOnlySpan<byte> request)
    {
        var result = new List<(string, List<byte[]>)>();
        var top = new ProtoReader(request);
        while (top.Next())
        {
            if (top.Field != 1)
            {
                top.Skip();
                continue;
            }

            var resource = new ProtoReader(top.ReadBytes());
            var service = "";
            var scopes = new List<byte[]>();
            while (resource.Next())
            {
                switch (resource.Field)
                {
                    case 1: service = Attributes(resource.ReadBytes(), attributesField: 1).GetValueOrDefault("service.name") as string ?? ""; break;
                    case 2: scopes.Add(resource.ReadBytes().ToArray()); break;
                    default: resource.Skip(); break;
                }
            }

            result.Add((service, scopes));
        }

        return result;
    }

    private static OtlpSpan Span(string service, string scope, ReadOnlySpan<byte> message)
    {
        var span = new ProtoReader(message);
        string traceId = "", spanId = "", parent = "", name = "";
        var kind = 0;
        var status = 0;
        var attributes = new Dictionary<string, object?>();
        while (span.Next())
        {
            switch (span.Field)
            {
                case 1: traceId = Convert.ToHexStringLower(span.ReadBytes()); break;
                case 2: spanId = Convert.ToHexStringLower(span.ReadBytes()); break;
                case 4: parent = Convert.ToHexStringLower(span.ReadBytes()); break;
                case 5: name = span.ReadString(); break;
                case 6: kind = (int)span.ReadVarint(); break;
                case 9: AddAttribute(attributes, span.ReadBytes()); break;
                case 15: status = StatusCode(span.ReadBytes()); break;
                default: span.Skip(); break;
            }
        }

        return new OtlpSpan(service, scope, traceId, spanId, parent, name, kind, attributes, status);
    }

    private static void AddMetric(List<OtlpMetricPoint> points, string service, string scope, ReadOnlySpan<byte> message)
    {
        var metric = new ProtoReader(message);
        var name = "";
        var data = new List<(int Kind, byte[] Bytes)>();
        while (metric.Next())
        {
            switch (metric.Field)
            {
                case 1: name = metric.ReadString(); break;
                case 5 or 7 or 9: data.Add((metric.Field, metric.ReadBytes().ToArray())); break;
                default: metric.Skip(); break;
            }
        }

        foreach (var (kind, bytes) in data)
        {
            var dataPoints = new ProtoReader(bytes);
            while (dataPoints.Next())
            {
                if (dataPoints.Field == 1)
                {
                    var (attributes, value) = kind == 9 ? HistogramPoint(dataPoints.ReadBytes()) : NumberPoint(dataPoints.ReadBytes());
                    points.Add(new OtlpMetricPoint(service, scope, name, attributes, value));
                }
                else
                {
                    dataPoints.Skip();
                }
            }
        }
    }

    /// <summary>NumberDataPoint: attributes (7), as_double (4) or as_int (6).</summary>
    private static (Dictionary<string, object?>, double) NumberPoint(ReadOnlySpan<byte> message)
    {
        var point = new ProtoReader(message);
        var attributes = new Dictionary<string, object?>();
        double value = 0;
        while (point.Next())
        {
            switch (point.Field)
            {
                case 7: AddAttribute(attributes, point.ReadBytes()); break;
                case 4: value = point.ReadDouble(); break;
                case 6: value = (long)point.ReadFixed64(); break;
                default: point.Skip(); break;
            }
        }

        return (attributes, value);
    }

    /// <summary>HistogramDataPoint: attributes (9) and count (4).</summary>
    private static (Dictionary<string, object?>, double) HistogramPoint(ReadOnlySpan<byte> message)
    {
        var point = new ProtoReader(message);
        var attributes = new Dictionary<string, object?>();
        double count = 0;
        while (point.Next())
        {
            switch (point.Field)
            {
                case 9: AddAttribute(attributes, point.ReadBytes()); break;
                case 4: count = point.ReadFixed64(); break;
                default: point.Skip(); break;
            }
        }

        return (attributes, count);
    }

    private static string ScopeName(ReadOnlySpan<byte> message)
    {
        var scope = new ProtoReader(message);
        while (scope.Next())
        {
            if (scope.Field == 1)
            {
                return scope.ReadString();
            }

            scope.Skip();
        }

        return "";
    }

    private static int StatusCode(ReadOnlySpan<byte> message)
    {
        var status = new ProtoReader(message);
        while (status.Next())
        {
            if (status.Field == 3)
            {
                return (int)status.ReadVarint();
            }

            status.Skip();
        }

        return 0;
    }

    private static Dictionary<string, object?> Attributes(ReadOnlySpan<byte> message, int attributesField)
    {
        var attributes = new Dictionary<string, object?>();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            if (reader.Field == attributesField)
            {
                AddAttribute(attributes, reader.ReadBytes());
            }
            else
            {
                reader.Skip();
            }
        }

        return attributes;
    }

    /// <summary>KeyValue: key (1) and AnyValue (2): string (1), bool (2), int (3), double (4); others as null.</summary>
    private static void AddAttribute(Dictionary<string, object?> attributes, ReadOnlySpan<byte> keyValue)
    {
        var pair = new ProtoReader(keyValue);
        var key = "";
        object? value = null;
        while (pair.Next())
        {
            if (pair.Field == 1)
            {
                key = pair.ReadString();
            }
            else if (pair.Field == 2)
            {
                var any = new ProtoReader(pair.ReadBytes());
                while (any.Next())
                {
                    value = any.Field switch
                    {
                        1 => any.ReadString(),
                        2 => any.ReadVarint() != 0,
                        3 => (long)any.ReadVarint(),
                        4 => any.ReadDouble(),
                        _ => SkipValue(ref any),
                    };
                }
            }
            else
            {
                pair.Skip();
            }
        }

        attributes[key] = value;
    }

    private static object? SkipValue(ref ProtoReader reader)
    {
        reader.Skip();
        return null;
    }
}
