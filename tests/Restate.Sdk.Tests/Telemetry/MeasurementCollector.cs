using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Restate.Sdk.Tests.Telemetry;

/// <summary>Records every measurement of the SDK's meter, with its tags.</summary>
internal sealed class MeasurementCollector : IDisposable
{
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly MeterListener _listener = new();

    public MeasurementCollector()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RestateDiagnostics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The measurements of one instrument for one service, as (value, tags).</summary>
    public IReadOnlyList<(double Value, Dictionary<string, object?> Tags)> Of(string instrument, string service) =>
        [.. _measurements
            .Where(m => m.Instrument == instrument && Equals(m.Tags.GetValueOrDefault("restate.service"), service))
            .Select(m => (m.Value, m.Tags))];

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue((instrument.Name, value, copy));
    }
}
