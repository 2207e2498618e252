using Restate.Sdk.Protocol.Messages;
using Restate.Sdk.Tests.StateMachine;

namespace Restate.Sdk.Tests.Determinism;

/// <summary>What a notification answers: a completion id of a command, or a signal id (awakeables).</summary>
internal readonly record struct NotificationKey(bool IsSignal, uint Id)
{
    public static NotificationKey Completion(uint id) => new(false, id);

    public static NotificationKey Signal(uint id) => new(true, id);

    public static NotificationKey Of(Frame notification)
    {
        var message = (NotificationTemplate)notification.Message;
        return message.IdCase switch
        {
            NotificationTemplate.IdOneofCase.CompletionId => Completion(message.CompletionId),
            NotificationTemplate.IdOneofCase.SignalId => Signal(message.SignalId),
            _ => throw new NotSupportedException($"The simulated runtime does not use named signals: {notification}"),
        };
    }

    public override string ToString() => IsSignal ? $"signal {Id}" : $"completion {Id}";
}
