using Google.Protobuf;
using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;

namespace Restate.Sdk.StateMachine;

/// <summary>
/// Journal transitions: every command either pops the next replayed command and compares it with
/// what the code produces now (Replaying), or is written to the output (Processing).
/// </summary>
internal sealed partial class InvocationStateMachine
{
    /// <summary>Pops the journal's <c>InputCommand</c>: the first thing user code does.</summary>
    public InputInfo SysInput() => Guard(() =>
    {
        if (State != InvocationState.Replaying || _journal.CommandIndex >= 0)
        {
            throw UnexpectedState("SysInput");
        }

        var command = _journal.NextCommand(MessageType.InputCommand, "");
        var input = PopReplayed(command).Decode(InputCommandMessage.Parser);
        var headers = new Dictionary<string, string>(input.Headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var header in input.Headers)
        {
            headers[header.Key] = header.Value;
        }

        var start = Start!;
        var seed = Version >= ServiceProtocolVersion.V6 ? start.RandomSeed : SeedFromInvocationId(start.Id);
        return new InputInfo(start.DebugId, start.Key, headers, input.Value?.Content.Memory ?? default, seed);
    });

    public void SysWriteOutput(ValueOrFailure result) => Guard(() =>
    {
        var output = new OutputCommandMessage();
        if (result.Failure is { } failure)
        {
            output.Failure = ToWire(failure, MessageType.OutputCommand, "");
        }
        else
        {
            output.Value = ToValue(result.Value);
        }

        PopOrWrite(MessageType.OutputCommand, output, "", OutputCommandMessage.Parser);
    });

    public int SysSleep(ulong wakeUpTimeMillis, string name = "") => Guard(() =>
    {
        var id = _journal.NextCompletionId();
        var command = new SleepCommandMessage { WakeUpTime = wakeUpTimeMillis, ResultCompletionId = id, Name = name };
        PopOrWrite(MessageType.SleepCommand, command, name, SleepCommandMessage.Parser);
        return _results.CreateHandle(NotificationId.Completion(id));
    });

    public CallHandles SysCall(CallRequest request) => Guard(() =>
    {
        CheckIdempotencyKey(request.IdempotencyKey);
        var invocationIdCompletion = _journal.NextCompletionId();
        var resultCompletion = _journal.NextCompletionId();
        var command = new CallCommandMessage
        {
            ServiceName = request.Service,
            HandlerName = request.Handler,
            Parameter = UnsafeByteOperations.UnsafeWrap(request.Parameter),
            Key = request.Key ?? "",
            InvocationIdNotificationIdx = invocationIdCompletion,
            ResultCompletionId = resultCompletion,
            Name = request.Name,
        };
        AddHeaders(command.Headers, request.Headers);
        if (request.IdempotencyKey is not null)
        {
            command.IdempotencyKey = request.IdempotencyKey;
        }

        PopOrWrite(MessageType.CallCommand, command, request.Name, CallCommandMessage.Parser);
        var handles = new CallHandles(
            _results.CreateHandle(NotificationId.Completion(invocationIdCompletion)),
            _results.CreateHandle(NotificationId.Completion(resultCompletion)));
        if (_options.ImplicitCancellation && _options.CancelChildCalls)
        {
            _trackedCalls.Add(new TrackedCall(handles.InvocationIdHandle));
        }

        return handles;
    });

    /// <summary>A one-way call; the handle resolves to the callee's invocation id.</summary>
    /// <param name="request">The target and payload.</param>
    /// <param name="invokeTimeMillis">Absolute time (ms since the epoch) to deliver at; 0 for now.</param>
    public int SysSend(CallRequest request, ulong invokeTimeMillis) => Guard(() =>
    {
        CheckIdempotencyKey(request.IdempotencyKey);
        var invocationIdCompletion = _journal.NextCompletionId();
        var command = new OneWayCallCommandMessage
        {
            ServiceName = request.Service,
            HandlerName = request.Handler,
            Parameter = UnsafeByteOperations.UnsafeWrap(request.Parameter),
            InvokeTime = invokeTimeMillis,
            Key = request.Key ?? "",
            InvocationIdNotificationIdx = invocationIdCompletion,
            Name = request.Name,
        };
        AddHeaders(command.Headers, request.Headers);
        if (request.IdempotencyKey is not null)
        {
            command.IdempotencyKey = request.IdempotencyKey;
        }

        PopOrWrite(MessageType.OneWayCallCommand, command, request.Name, OneWayCallCommandMessage.Parser);
        return _results.CreateHandle(NotificationId.Completion(invocationIdCompletion));
    });

    /// <summary>Creates an awakeable: no command, just a signal id to wait for.</summary>
    public (string Id, int Handle) SysAwakeable() => Guard(() =>
    {
        RequireExecuting("SysAwakeable");
        var signalId = _journal.NextSignalId();
        return (AwakeableId.Format(Start!.Id, signalId), _results.CreateHandle(NotificationId.Signal(signalId)));
    });

    public void SysCompleteAwakeable(string awakeableId, ValueOrFailure result) => Guard(() =>
    {
        var command = new CompleteAwakeableCommandMessage { AwakeableId = awakeableId };
        if (result.Failure is { } failure)
        {
            command.Failure = ToWire(failure, MessageType.CompleteAwakeableCommand, "");
        }
        else
        {
            command.Value = ToValue(result.Value);
        }

        PopOrWrite(MessageType.CompleteAwakeableCommand, command, "", CompleteAwakeableCommandMessage.Parser);
    });

    public int SysGetPromise(string key, string name = "") => Guard(() =>
    {
        var id = _journal.NextCompletionId();
        var command = new GetPromiseCommandMessage { Key = key, ResultCompletionId = id, Name = name };
        PopOrWrite(MessageType.GetPromiseCommand, command, name, GetPromiseCommandMessage.Parser);
        return _results.CreateHandle(NotificationId.Completion(id));
    });

    public int SysPeekPromise(string key, string name = "") => Guard(() =>
    {
        var id = _journal.NextCompletionId();
        var command = new PeekPromiseCommandMessage { Key = key, ResultCompletionId = id, Name = name };
        PopOrWrite(MessageType.PeekPromiseCommand, command, name, PeekPromiseCommandMessage.Parser);
        return _results.CreateHandle(NotificationId.Completion(id));
    });

    public int SysCompletePromise(string key, ValueOrFailure result, string name = "") => Guard(() =>
    {
        var id = _journal.NextCompletionId();
        var command = new CompletePromiseCommandMessage { Key = key, ResultCompletionId = id, Name = name };
        if (result.Failure is { } failure)
        {
            command.CompletionFailure = ToWire(failure, MessageType.CompletePromiseCommand, name);
        }
        else
        {
            command.CompletionValue = ToValue(result.Value);
        }

        PopOrWrite(MessageType.CompletePromiseCommand, command, name, CompletePromiseCommandMessage.Parser);
        return _results.CreateHandle(NotificationId.Completion(id));
    });

    /// <summary>Cancels another invocation: the built-in signal 1 sent to it.</summary>
    public void SysCancelInvocation(string targetInvocationId) => Guard(() => WriteCancel(targetInvocationId));

    public int SysAttachInvocation(AttachTarget target, string name = "") => Guard(() =>
    {
        var id = _journal.NextCompletionId();
        var command = new AttachInvocationCommandMessage { ResultCompletionId = id, Name = name };
        SetTarget(target, v => command.InvocationId = v, v => command.WorkflowTarget = v, v => command.IdempotentRequestTarget = v);

        PopOrWrite(MessageType.AttachInvocationCommand, command, name, AttachInvocationCommandMessage.Parser);
        return _results.CreateHandle(NotificationId.Completion(id));
    });

    public int SysGetInvocationOutput(AttachTarget target, string name = "") => Guard(() =>
    {
        var id = _journal.NextCompletionId();
        var command = new GetInvocationOutputCommandMessage { ResultCompletionId = id, Name = name };
        SetTarget(target, v => command.InvocationId = v, v => command.WorkflowTarget = v, v => command.IdempotentRequestTarget = v);

        PopOrWrite(MessageType.GetInvocationOutputCommand, command, name, GetInvocationOutputCommandMessage.Parser);
        return _results.CreateHandle(NotificationId.Completion(id));
    });

    private void WriteCancel(string targetInvocationId)
    {
        var command = new SendSignalCommandMessage
        {
            TargetInvocationId = targetInvocationId,
            Idx = NotificationId.CancelSignalId,
            Void = new Unit(),
        };
        PopOrWrite(MessageType.SendSignalCommand, command, "", SendSignalCommandMessage.Parser);
    }

    /// <summary>
    /// The wire form of a failure the next command carries. One the negotiated version cannot carry
    /// fails the attempt, and the error names that command (it is not journaled yet).
    /// </summary>
    private Failure ToWire(TerminalFailure failure, MessageType commandType, string name)
    {
        try
        {
            return failure.ToProto(Version);
        }
        catch (ProtocolException e)
        {
            throw Fail(e, _journal.PeekNextCommand(commandType, name));
        }
    }

    /// <summary>Replays or writes one command; returns the command as the journal holds it.</summary>
    private T PopOrWrite<T>(MessageType type, T expected, string name, MessageParser<T> parser)
        where T : IMessage<T>
    {
        var command = _journal.NextCommand(type, name);
        switch (State)
        {
            case InvocationState.Processing:
                _processingFirstEntry = false;
                _output.Write(type, expected);
                return expected;
            case InvocationState.Replaying:
                var actual = PopReplayed(command).Decode(parser);
                CommandComparer.Check(command, actual, expected);
                return actual;
            default:
                throw UnexpectedState(type.ToString());
        }
    }

    /// <summary>Takes the next replayed command, which must be of the command's type.</summary>
    private RawMessage PopReplayed(CommandRef command)
    {
        var raw = PopReplayedAnyType();
        if (raw.Type != command.Type)
        {
            throw TypeMismatch(command, raw.Type);
        }

        return raw;
    }

    private RawMessage PopReplayedAnyType()
    {
        var raw = _replayCommands.Dequeue();
        if (_replayCommands.Count == 0)
        {
            // The last replayed command has been re-issued: from now on commands are new.
            State = InvocationState.Processing;
            _processingFirstEntry = true;
        }

        return raw;
    }

    private static ProtocolException TypeMismatch(CommandRef command, MessageType actual) =>
        ProtocolException.Mismatch(
            $"Journal mismatch at command index {command.Index}: the handler code produced {command.Type.Describe()}, "
            + $"but the replayed journal has {actual.Describe()}. The handler code changed in a way that is not "
            + "compatible with invocations already in flight.");

    private void RequireExecuting(string operation)
    {
        if (State is not (InvocationState.Replaying or InvocationState.Processing))
        {
            throw UnexpectedState(operation);
        }
    }

    private static void CheckIdempotencyKey(string? key)
    {
        if (key is { Length: 0 })
        {
            throw new ArgumentException("An idempotency key must not be empty.", nameof(key));
        }
    }

    private static void AddHeaders(Google.Protobuf.Collections.RepeatedField<Header> target, IReadOnlyDictionary<string, string>? headers)
    {
        if (headers is null)
        {
            return;
        }

        foreach (var (key, value) in headers.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            target.Add(new Header { Key = key, Value = value });
        }
    }

    private static Value ToValue(ReadOnlyMemory<byte> bytes) => new() { Content = UnsafeByteOperations.UnsafeWrap(bytes) };

    // Attach and get-output share one "target" oneof; the generated types have no common interface.
    private static void SetTarget(
        AttachTarget target,
        Action<string> setInvocationId,
        Action<WorkflowTarget> setWorkflow,
        Action<IdempotentRequestTarget> setIdempotent)
    {
        if (target.InvocationId is not null)
        {
            setInvocationId(target.InvocationId);
        }
        else if (target.WorkflowName is not null)
        {
            setWorkflow(ToWorkflowTarget(target));
        }
        else
        {
            setIdempotent(ToIdempotentTarget(target));
        }
    }

    private static WorkflowTarget ToWorkflowTarget(AttachTarget target) =>
        new() { WorkflowName = target.WorkflowName, WorkflowKey = target.WorkflowKey };

    private static IdempotentRequestTarget ToIdempotentTarget(AttachTarget target)
    {
        var result = new IdempotentRequestTarget
        {
            ServiceName = target.ServiceName,
            HandlerName = target.HandlerName,
            IdempotencyKey = target.IdempotencyKey,
        };
        if (target.ServiceKey is not null)
        {
            result.ServiceKey = target.ServiceKey;
        }

        return result;
    }

    private static ulong SeedFromInvocationId(byte[] id) =>
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(System.Security.Cryptography.SHA256.HashData(id));
}
