using Restate.Sdk.Tests.StateMachine;

namespace Restate.Sdk.Tests.Determinism;

/// <summary>
/// Delivers notifications in the order a recorded journal has them, each as soon as it is owed.
/// With this order the SDK must write exactly the commands of the recorded journal again.
/// Notifications the recording does not have are delivered when the SDK is quiet.
/// </summary>
internal sealed class JournalOrderPolicy(IEnumerable<NotificationKey> order) : IDeliveryPolicy
{
    private readonly Queue<NotificationKey> _order = new(order);

    public NotificationKey? Next => _order.Count == 0 ? null : _order.Peek();

    public IReadOnlyList<Frame> AfterFrame(IReadOnlyList<Frame> owed)
    {
        var now = new List<Frame>();
        while (_order.Count > 0 && owed.FirstOrDefault(f => NotificationKey.Of(f) == _order.Peek()) is { } next)
        {
            now.Add(next);
            _order.Dequeue();
        }

        return now;
    }

    public IReadOnlyList<Frame> WhenQuiet(IReadOnlyList<Frame> owed)
    {
        var now = AfterFrame(owed);
        if (now.Count > 0)
        {
            return now;
        }

        var unrecorded = owed.FirstOrDefault(f => !_order.Contains(NotificationKey.Of(f)));
        return unrecorded is null ? [] : [unrecorded];
    }
}
