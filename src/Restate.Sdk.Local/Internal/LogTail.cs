namespace Restate.Sdk.Local.Internal;

/// <summary>The last N lines of a process's output, safe to add to from the output-reading threads.</summary>
internal sealed class LogTail(int capacity)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Add(string line)
    {
        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > Math.Max(capacity, 1))
            {
                _lines.Dequeue();
            }
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (_gate)
        {
            return [.. _lines];
        }
    }
}
