using System.Diagnostics.Metrics;
using SkAgentSession.Telemetry;

namespace SkAgentSession.Tests.Telemetry;

/// <summary>A turn's duration runs from its user message's durable timestamp, whichever attempt ends it.</summary>
public sealed class TurnMetricsTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void The_duration_is_from_the_message_to_the_end_with_the_outcome()
    {
        var message = new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);
        var recorded = new List<(string Instrument, double Value, object? Outcome)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == AppTelemetry.Name && instrument.Name.StartsWith("skagentsession.turn", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => recorded.Add((i.Name, value, tags[0].Value)));
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => recorded.Add((i.Name, value, tags[0].Value)));
        listener.Start();

        // Ended in a later attempt, 95 s after the message (e.g. after an approval).
        TurnMetrics.Start(message, new FixedClock(message.AddSeconds(95))).End(TurnMetrics.Completed);

        Assert.Contains(("skagentsession.turns", 1d, (object?)"completed"), recorded);
        Assert.Contains(("skagentsession.turn.duration", 95d, (object?)"completed"), recorded);
    }
}
