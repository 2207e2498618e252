namespace SkAgentSession.Models.Scripted;

/// <summary>
/// Test hook: counts the requests the scripted model received in this process, in total and per
/// last user message (one agent turn makes one or more requests, all with the same last user
/// message). Registered as a singleton by <c>AddAgentRuntime</c>.
/// </summary>
public sealed class ScriptedModelRequestCounter
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _byMessage = new(StringComparer.Ordinal);
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

    /// <summary>Requests whose last user message was exactly <paramref name="userMessage"/>.</summary>
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
            _byMessage[userMessage] = count;
            return count;
        }
    }
}
