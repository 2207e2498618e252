using Google.Protobuf;
using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;

namespace Restate.Sdk.StateMachine;

/// <summary>
/// The replay comparison rules: which fields of a replayed command must equal the command the
/// code produces now. Most commands compare whole; a sleep compares only its name (the wake-up
/// time differs on every run); a one-way call compares everything but its invoke time.
/// Fields this SDK's protocol does not know (e.g. added by a newer runtime) never take part.
/// </summary>
internal static class CommandComparer
{
    private const int MaxShownChars = 512;

    public static bool Matches(IMessage actual, IMessage expected) => (actual, expected) switch
    {
        (SleepCommandMessage a, SleepCommandMessage e) => a.Name == e.Name,
        (OneWayCallCommandMessage a, OneWayCallCommandMessage e) => MatchesIgnoringInvokeTime(a, e),
        _ => KnownFieldsEqual(actual, expected),
    };

    public static void Check(CommandRef command, IMessage actual, IMessage expected)
    {
        if (!Matches(actual, expected))
        {
            throw ProtocolException.Mismatch(
                $"Journal mismatch at command index {command.Index} ({command.Type.Describe()}): "
                + $"the handler code produced {Show(expected)}, but the replayed journal has {Show(actual)}. "
                + "The handler code changed in a way that is not compatible with invocations already in flight.");
        }
    }

    private static bool MatchesIgnoringInvokeTime(OneWayCallCommandMessage actual, OneWayCallCommandMessage expected)
    {
        if (actual.InvokeTime == expected.InvokeTime)
        {
            return KnownFieldsEqual(actual, expected);
        }

        var aligned = expected.Clone();
        aligned.InvokeTime = actual.InvokeTime;
        return KnownFieldsEqual(actual, aligned);
    }

    // Generated Equals also compares the unknown fields kept from parsing, at every nesting level.
    // Equal with them implies equal without them, so only a difference pays for the re-parse.
    private static bool KnownFieldsEqual(IMessage actual, IMessage expected) =>
        actual.Equals(expected) || WithoutUnknownFields(actual).Equals(WithoutUnknownFields(expected));

    private static IMessage WithoutUnknownFields(IMessage message) =>
        message.Descriptor.Parser.WithDiscardUnknownFields(true).ParseFrom(message.ToByteString());

    private static string Show(IMessage message)
    {
        var text = message.ToString() ?? "";
        return text.Length <= MaxShownChars ? text : string.Concat(text.AsSpan(0, MaxShownChars), "…");
    }
}
