namespace SkAgentSession.Models.Scripted;

/// <summary>
/// Test hook: counts the requests the scripted model received in this process, in total and per
/// last user message (one agent turn makes one or more requests, all with the same last user
/// message). Registered as a singleton by <c>AddAgentRuntime</c>. It remembers the counts of the
/// latest <see cref="Capacity"/> messages only, so a demo that runs for weeks does not grow with it.
/// </summary>
public sealed class ScriptedModelRequestCounter
{
    public const int Capacity = 4096;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _byMessage = new(StringComparer.Ordinal);
    private readonly Queue<string> _messagesInOrder = new();
    private int _total;

    public int Total
    {
        get
        {
            lock (_lock)
            {
                return _total;
            }
        }
    }

    /// <summary>Requests whose last user message was exactly <paramref name="userMessage"/> (0 once it is no longer among the latest <see cref="Capacity"/>).</summary>
    public int CountFor(string userMessage)
    {
        lock (_lock)
        {
            return _byMessage.GetValueOrDefault(userMessage);
        }
    }

    /// <summary>Counts one request and returns its 1-based number among those for the same message.</summary>
    internal int Record(string userMessage)
    {
        lock (_lock)
        {
            _total++;
            var count = _byMessage.GetValueOrDefault(userMessage) + 1;
            if (count == 1)
            {
                _messagesInOrder.Enqueue(userMessage);
                if (_messagesInOrder.Count > Capacity)
                {
                    _byMessage.Remove(_messagesInOrder.Dequeue());
                }
            }

            _byMessage[userMessage] = count;
            return count;
        }
    }
}
