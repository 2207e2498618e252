namespace SkAgentSession.Events;

/// <summary>
/// An in-process wake-up per session: a producer in this process pulses it after storing events,
/// so the event streams of that session in this process get them at once instead of at their next
/// poll — handed over with the pulse when the producer knows exactly what was stored, so the stream
/// need not read them back. Streams served by other replicas learn of the events by polling.
/// </summary>
public sealed class SessionEventSignal
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>
    /// Starts listening; take the listener before reading the log, so a pulse between the read
    /// and the wait is not missed.
    /// </summary>
    public Listener Listen(string sessionId)
    {
        lock (_entries)
        {
            if (!_entries.TryGetValue(sessionId, out var entry))
            {
                entry = new Entry();
                _entries[sessionId] = entry;
            }

            entry.Listeners++;
            return new Listener(this, sessionId, entry);
        }
    }

    /// <summary>
    /// Wakes every current listener of the session, handing over <paramref name="stored"/>: the events
    /// just stored, with their ids, when they are exactly what the log now holds after its previous
    /// last id (<c>null</c> when the producer cannot know).
    /// </summary>
    public void Pulse(string sessionId, IReadOnlyList<TurnEvent>? stored = null)
    {
        Entry? entry;
        lock (_entries)
        {
            if (!_entries.Remove(sessionId, out entry))
            {
                return;
            }
        }

        entry.Pulsed.TrySetResult(stored);
    }

    /// <summary>How many sessions have listeners (for tests: entries must not leak).</summary>
    internal int SessionCount
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    private void Release(string sessionId, Entry entry)
    {
        lock (_entries)
        {
            entry.Listeners--;
            if (entry.Listeners == 0 && _entries.TryGetValue(sessionId, out var current) && current == entry)
            {
                _entries.Remove(sessionId);
            }
        }
    }

    internal sealed class Entry
    {
        public TaskCompletionSource<IReadOnlyList<TurnEvent>?> Pulsed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Listeners { get; set; }
    }

    /// <summary>One wait for a pulse; dispose it when done.</summary>
    public sealed class Listener : IDisposable
    {
        private readonly SessionEventSignal _signal;
        private readonly string _sessionId;
        private readonly Entry _entry;
        private bool _disposed;

        internal Listener(SessionEventSignal signal, string sessionId, Entry entry)
        {
            _signal = signal;
            _sessionId = sessionId;
            _entry = entry;
        }

        /// <summary>Completes when the session is pulsed after this listener was taken, with the events handed over, if any.</summary>
        public Task<IReadOnlyList<TurnEvent>?> Pulsed => _entry.Pulsed.Task;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                _signal.Release(_sessionId, _entry);
            }
        }
    }
}
