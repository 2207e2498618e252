using System.Collections.Concurrent;
using System.Diagnostics;

namespace SkAgentSession.FaultInjection;

/// <summary>Shared counters of the conversations, read by the fault injector to time its faults.</summary>
internal sealed class RunProgress(int totalMessages)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _finished;
    private int _inFlight;

    public ConcurrentDictionary<string, int> RetryReasons { get; } = new();

    public int TotalMessages => totalMessages;

    /// <summary>Messages sent and not yet answered (or given up).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Share of all messages that are finished (answered, refused or given up).</summary>
    public double Fraction => (double)Volatile.Read(ref _finished) / totalMessages;

    /// <summary>Time since the conversations began.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    public void Started() => Interlocked.Increment(ref _inFlight);

    public void Finished()
    {
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Increment(ref _finished);
    }

    public void Retried(string reason) => RetryReasons.AddOrUpdate(reason, 1, (_, count) => count + 1);
}
