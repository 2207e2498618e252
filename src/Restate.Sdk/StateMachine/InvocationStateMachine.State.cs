using System.Text;
using Google.Protobuf;
using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;

namespace Restate.Sdk.StateMachine;

/// <summary>
/// State transitions. A read is served from the eager state when it can be (and still takes a
/// completion id); on replay it matches either the eager or the lazy form of the journaled read.
/// Writes update the local view also while replaying, so the view is right once processing starts.
/// </summary>
internal sealed partial class InvocationStateMachine
{
    public int SysStateGet(string key) => Guard(() =>
    {
        RequireExecuting("SysStateGet");
        var id = NotificationId.Completion(_journal.NextCompletionId());
        var handle = _results.CreateHandle(id);
        var keyBytes = UnsafeByteOperations.UnsafeWrap(Encoding.UTF8.GetBytes(key));

        if (State == InvocationState.Processing)
        {
            _processingFirstEntry = false;
            if (_eagerState.TryGet(key, out var known))
            {
                var command = new GetEagerStateCommandMessage { Key = keyBytes };
                if (known is { } value)
                {
                    command.Value = ToValue(value);
                    _results.InsertReady(id, NotificationResult.FromValue(value));
                }
                else
                {
                    command.Void = new Unit();
                    _results.InsertReady(id, NotificationResult.Void);
                }

                _journal.NextCommand(MessageType.GetEagerStateCommand, "");
                _output.Write(MessageType.GetEagerStateCommand, command);
            }
            else
            {
                _journal.NextCommand(MessageType.GetLazyStateCommand, "");
                _output.Write(
                    MessageType.GetLazyStateCommand,
                    new GetLazyStateCommandMessage { Key = keyBytes, ResultCompletionId = id.Id });
            }

            return handle;
        }

        var raw = PopReplayedAnyType();
        switch (raw.Type)
        {
            case MessageType.GetEagerStateCommand:
                {
                    var command = _journal.NextCommand(raw.Type, "");
                    var actual = raw.Decode(GetEagerStateCommandMessage.Parser);
                    var expected = actual.Clone();
                    expected.Key = keyBytes;
                    expected.Name = "";
                    CommandComparer.Check(command, actual, expected);
                    var result = actual.ResultCase switch
                    {
                        GetEagerStateCommandMessage.ResultOneofCase.Value => NotificationResult.FromValue(actual.Value.Content.Memory),
                        GetEagerStateCommandMessage.ResultOneofCase.Void => NotificationResult.Void,
                        _ => throw ProtocolException.Violation($"The replayed GetEagerStateCommand at index {command.Index} has no result."),
                    };
                    _results.InsertReady(id, result);
                    break;
                }

            case MessageType.GetLazyStateCommand:
                {
                    var command = _journal.NextCommand(raw.Type, "");
                    var expected = new GetLazyStateCommandMessage { Key = keyBytes, ResultCompletionId = id.Id };
                    CommandComparer.Check(command, raw.Decode(GetLazyStateCommandMessage.Parser), expected);
                    break;
                }

            default:
                throw TypeMismatch(_journal.NextCommand(MessageType.GetEagerStateCommand, ""), raw.Type);
        }

        return handle;
    });

    public int SysStateGetKeys() => Guard(() =>
    {
        RequireExecuting("SysStateGetKeys");
        var id = NotificationId.Completion(_journal.NextCompletionId());
        var handle = _results.CreateHandle(id);

        if (State == InvocationState.Processing)
        {
            _processingFirstEntry = false;
            if (_eagerState.TryGetKeys() is { } keys)
            {
                var stateKeys = new StateKeys();
                foreach (var key in keys)
                {
                    stateKeys.Keys.Add(ByteString.CopyFromUtf8(key));
                }

                _journal.NextCommand(MessageType.GetEagerStateKeysCommand, "");
                _output.Write(MessageType.GetEagerStateKeysCommand, new GetEagerStateKeysCommandMessage { Value = stateKeys });
                _results.InsertReady(id, NotificationResult.FromStateKeys(keys));
            }
            else
            {
                _journal.NextCommand(MessageType.GetLazyStateKeysCommand, "");
                _output.Write(MessageType.GetLazyStateKeysCommand, new GetLazyStateKeysCommandMessage { ResultCompletionId = id.Id });
            }

            return handle;
        }

        var raw = PopReplayedAnyType();
        switch (raw.Type)
        {
            case MessageType.GetEagerStateKeysCommand:
                {
                    var command = _journal.NextCommand(raw.Type, "");
                    var actual = raw.Decode(GetEagerStateKeysCommandMessage.Parser);
                    if (actual.Value is null)
                    {
                        throw ProtocolException.Violation($"The replayed GetEagerStateKeysCommand at index {command.Index} has no keys.");
                    }

                    var expected = actual.Clone();
                    expected.Name = "";
                    CommandComparer.Check(command, actual, expected);
                    _results.InsertReady(id, NotificationResult.FromStateKeys(Notification.DecodeKeys(actual.Value)));
                    break;
                }

            case MessageType.GetLazyStateKeysCommand:
                {
                    var command = _journal.NextCommand(raw.Type, "");
                    var expected = new GetLazyStateKeysCommandMessage { ResultCompletionId = id.Id };
                    CommandComparer.Check(command, raw.Decode(GetLazyStateKeysCommandMessage.Parser), expected);
                    break;
                }

            default:
                throw TypeMismatch(_journal.NextCommand(MessageType.GetEagerStateKeysCommand, ""), raw.Type);
        }

        return handle;
    });

    public void SysStateSet(string key, ReadOnlyMemory<byte> value) => Guard(() =>
    {
        RequireExecuting("SysStateSet");
        _eagerState.Set(key, value);
        var command = new SetStateCommandMessage
        {
            Key = ByteString.CopyFromUtf8(key),
            Value = ToValue(value),
        };
        PopOrWrite(MessageType.SetStateCommand, command, "", SetStateCommandMessage.Parser);
    });

    public void SysStateClear(string key) => Guard(() =>
    {
        RequireExecuting("SysStateClear");
        _eagerState.Clear(key);
        PopOrWrite(
            MessageType.ClearStateCommand,
            new ClearStateCommandMessage { Key = ByteString.CopyFromUtf8(key) },
            "",
            ClearStateCommandMessage.Parser);
    });

    public void SysStateClearAll() => Guard(() =>
    {
        RequireExecuting("SysStateClearAll");
        _eagerState.ClearAll();
        PopOrWrite(MessageType.ClearAllStateCommand, new ClearAllStateCommandMessage(), "", ClearAllStateCommandMessage.Parser);
    });
}
