namespace Restate.Sdk.Protocol;

/// <summary>Classifies message type ids by the ranges the protocol reserves for them.</summary>
internal static class MessageTypeExtensions
{
    private const ushort FirstCommand = 0x0400;
    private const ushort FirstNotification = 0x8000;
    private const ushort FirstCustomCommand = 0xFC00;

    public static bool IsCommand(this MessageType type) =>
        (ushort)type is >= FirstCommand and < FirstNotification;

    public static bool IsNotification(this MessageType type) =>
        (ushort)type is >= FirstNotification and < FirstCustomCommand;

    public static bool IsKnown(this MessageType type) => Enum.IsDefined(type);

    /// <summary>A readable name with the hex id, for error messages.</summary>
    public static string Describe(this MessageType type) =>
        type.IsKnown() ? $"{type} (0x{(ushort)type:X4})" : $"0x{(ushort)type:X4}";
}
