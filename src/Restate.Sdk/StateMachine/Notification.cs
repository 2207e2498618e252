using System.Text;
using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;

namespace Restate.Sdk.StateMachine;

/// <summary>A notification received from the runtime: which id it answers and with what.</summary>
internal sealed record Notification(NotificationId Id, NotificationResult Result)
{
    /// <summary>Decodes any notification message through the shared template shape.</summary>
    public static Notification Decode(RawMessage message)
    {
        var template = message.Decode(NotificationTemplate.Parser);
        var id = template.IdCase switch
        {
            NotificationTemplate.IdOneofCase.CompletionId => NotificationId.Completion(template.CompletionId),
            NotificationTemplate.IdOneofCase.SignalId => NotificationId.Signal(template.SignalId),
            NotificationTemplate.IdOneofCase.SignalName => NotificationId.NamedSignal(template.SignalName),
            _ => throw ProtocolException.Violation($"Notification {message.Type.Describe()} has no id."),
        };
        var result = template.ResultCase switch
        {
            NotificationTemplate.ResultOneofCase.Void => NotificationResult.Void,
            NotificationTemplate.ResultOneofCase.Value => NotificationResult.FromValue(template.Value.Content.Memory),
            NotificationTemplate.ResultOneofCase.Failure => NotificationResult.FromFailure(TerminalFailure.FromProto(template.Failure)),
            NotificationTemplate.ResultOneofCase.InvocationId => NotificationResult.FromInvocationId(template.InvocationId),
            NotificationTemplate.ResultOneofCase.StateKeys => NotificationResult.FromStateKeys(DecodeKeys(template.StateKeys)),
            _ => throw ProtocolException.Violation($"Notification {message.Type.Describe()} for {id} has no result."),
        };
        return new Notification(id, result);
    }

    public static IReadOnlyList<string> DecodeKeys(StateKeys keys)
    {
        var result = new List<string>(keys.Keys.Count);
        foreach (var key in keys.Keys)
        {
            result.Add(DecodeKey(key.Span));
        }

        return result;
    }

    public static string DecodeKey(ReadOnlySpan<byte> key)
    {
        try
        {
            return StrictUtf8.GetString(key);
        }
        catch (DecoderFallbackException e)
        {
            throw new ProtocolException(ErrorCodes.ProtocolViolation, "A state key is not valid UTF-8.", e);
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
