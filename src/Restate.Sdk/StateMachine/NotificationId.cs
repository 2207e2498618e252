namespace Restate.Sdk.StateMachine;

/// <summary>
/// What a notification answers: a completion id the SDK put in a command, a numeric signal
/// (1 = cancel, 17+ = awakeables) or a named signal.
/// </summary>
internal readonly record struct NotificationId(NotificationIdKind Kind, uint Id, string? Name)
{
    public const uint CancelSignalId = 1;

    public static NotificationId Completion(uint id) => new(NotificationIdKind.Completion, id, null);

    public static NotificationId Signal(uint id) => new(NotificationIdKind.Signal, id, null);

    public static NotificationId NamedSignal(string name) => new(NotificationIdKind.NamedSignal, 0, name);

    public static NotificationId Cancel { get; } = Signal(CancelSignalId);

    public override string ToString() => Kind switch
    {
        NotificationIdKind.Completion => $"completion {Id}",
        NotificationIdKind.Signal => $"signal {Id}",
        _ => $"signal '{Name}'",
    };
}

internal enum NotificationIdKind
{
    Completion,
    Signal,
    NamedSignal,
}
