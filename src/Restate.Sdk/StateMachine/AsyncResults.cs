namespace Restate.Sdk.StateMachine;

/// <summary>
/// Notifications and the handles user code awaits them by. Received notifications wait in a
/// queue and are moved to "ready" one at a time, only as far as an await needs, so that the
/// order in which results become visible is the journal order on every replay. Each ready result
/// keeps its place in that order, so that of several ready results the earliest is taken first.
/// </summary>
internal sealed class AsyncResults
{
    /// <summary>The handle of the built-in cancel signal. Handles 2 to 16 are unused, like signal ids.</summary>
    public const int CancelHandle = 1;

    private const int FirstHandle = 17;

    private readonly Queue<Notification> _toProcess = new();
    private readonly Dictionary<NotificationId, ReadyResult> _ready = [];
    private readonly Dictionary<int, NotificationId> _handles = new() { [CancelHandle] = NotificationId.Cancel };
    private int _nextHandle = FirstHandle;
    private long _nextOrder;

    public void Enqueue(Notification notification) => _toProcess.Enqueue(notification);

    public void InsertReady(NotificationId id, NotificationResult result) => _ready[id] = new ReadyResult(result, ++_nextOrder);

    public int CreateHandle(NotificationId id)
    {
        var handle = _nextHandle++;
        _handles[handle] = id;
        return handle;
    }

    public bool IsRegistered(int handle) => _handles.ContainsKey(handle);

    public bool TryGetId(int handle, out NotificationId id) => _handles.TryGetValue(handle, out id);

    public bool IsCompleted(int handle) => _handles.TryGetValue(handle, out var id) && _ready.ContainsKey(id);

    /// <summary>The result, if ready, without consuming it.</summary>
    public NotificationResult? Peek(int handle) =>
        _handles.TryGetValue(handle, out var id) && _ready.TryGetValue(id, out var ready) ? ready.Result : null;

    /// <summary>Of the handles whose result is ready, the one that became ready first; 0 when none is.</summary>
    public int FirstCompleted(IReadOnlyList<int> handles)
    {
        var first = 0;
        var firstOrder = long.MaxValue;
        foreach (var handle in handles)
        {
            if (_handles.TryGetValue(handle, out var id) && _ready.TryGetValue(id, out var ready) && ready.Order < firstOrder)
            {
                first = handle;
                firstOrder = ready.Order;
            }
        }

        return first;
    }

    /// <summary>Moves queued notifications to ready until one of <paramref name="ids"/> shows up.</summary>
    public bool ProcessUntilAnyFound(IReadOnlyCollection<NotificationId> ids)
    {
        while (_toProcess.TryDequeue(out var notification))
        {
            _ready[notification.Id] = new ReadyResult(notification.Result, ++_nextOrder);
            if (ids.Contains(notification.Id))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the notification is ready or still queued.</summary>
    public bool IsKnown(NotificationId id)
    {
        if (_ready.ContainsKey(id))
        {
            return true;
        }

        foreach (var notification in _toProcess)
        {
            if (notification.Id == id)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Consumes the result of a completed handle; the handle is gone afterwards.</summary>
    public NotificationResult? Take(int handle)
    {
        if (!_handles.TryGetValue(handle, out var id) || !_ready.Remove(id, out var result))
        {
            return null;
        }

        _handles.Remove(handle);
        return result.Result;
    }

    private readonly record struct ReadyResult(NotificationResult Result, long Order);
}
