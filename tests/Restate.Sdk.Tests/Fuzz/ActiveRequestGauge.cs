using System.Diagnostics.Metrics;

namespace Restate.Sdk.Tests.Fuzz;

/// <summary>
/// Follows ASP.NET Core's <c>http.server.active_requests</c> of one host (its meter factory), i.e.
/// how many requests, and so invocation attempts, are still in flight there.
/// </summary>
internal sealed class ActiveRequestGauge : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _active;

    public ActiveRequestGauge(IMeterFactory hostMeters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == hostMeters && instrument.Name == "http.server.active_requests")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, delta, _, _) => Interlocked.Add(ref _active, delta));
        _listener.Start();
    }

    public long Active => Interlocked.Read(ref _active);

    /// <summary>Waits until no request is in flight; false if some still are after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForIdleAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Active != 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    public void Dispose() => _listener.Dispose();
}
