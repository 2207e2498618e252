using System.Buffers;
using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;

namespace Restate.Sdk.StateMachine;

/// <summary>Input transitions: Start, the replayed journal, live notifications, end of input.</summary>
internal sealed partial class InvocationStateMachine
{
    /// <summary>Feeds bytes of the request stream; partial frames are kept until the rest arrives.</summary>
    public void NotifyInput(ReadOnlySequence<byte> data)
    {
        foreach (var segment in data)
        {
            NotifyInput(segment.Span);
        }
    }

    public void NotifyInput(ReadOnlySpan<byte> data)
    {
        if (IsClosed)
        {
            return;
        }

        try
        {
            _decoder.Push(data);
            DrainDecoder();
        }
        catch (ProtocolException e)
        {
            Fail(e);
        }
    }

    /// <summary>The runtime closed the request stream (in bidi mode: its way of asking to suspend).</summary>
    public void NotifyInputClosed()
    {
        if (_inputClosed)
        {
            return;
        }

        _inputClosed = true;
        if (IsClosed)
        {
            return;
        }

        try
        {
            _decoder.EnsureNoPartialMessage();
            if (State is InvocationState.WaitingStart or InvocationState.WaitingReplayEntries)
            {
                var expected = Start is null ? "the StartMessage" : $"{Start.KnownEntries} journal entries (got {_receivedEntries})";
                throw ProtocolException.Violation($"The input was closed while still waiting for {expected}.");
            }
        }
        catch (ProtocolException e)
        {
            Fail(e);
        }
    }

    private void DrainDecoder()
    {
        while (!IsClosed && _decoder.TryNext(out var message))
        {
            OnMessage(message);
        }
    }

    private void OnMessage(RawMessage message)
    {
        if (message.Type == MessageType.Start)
        {
            OnStart(message.Decode(StartMessage.Parser));
        }
        else if (message.Type.IsCommand())
        {
            if (State != InvocationState.WaitingReplayEntries)
            {
                throw ProtocolException.Violation(
                    $"Received command {message.Type.Describe()} outside of the replayed journal (state {State}).");
            }

            _replayCommands.Enqueue(message);
            OnEntryReceived();
        }
        else if (message.Type.IsNotification())
        {
            if (State is InvocationState.WaitingStart)
            {
                throw ProtocolException.Violation($"Received notification {message.Type.Describe()} before the StartMessage.");
            }

            _results.Enqueue(Notification.Decode(message));
            OnEntryReceived();
        }
        else
        {
            throw ProtocolException.Violation($"Unexpected message {message.Type.Describe()} from the runtime.");
        }
    }

    private void OnStart(StartMessage start)
    {
        if (State != InvocationState.WaitingStart)
        {
            throw ProtocolException.Violation("Received a second StartMessage.");
        }

        Start = new StartInfo(
            start.Id.ToByteArray(),
            start.DebugId,
            start.Key,
            start.KnownEntries,
            start.RetryCountSinceLastStoredEntry,
            start.DurationSinceLastStoredEntry,
            start.RandomSeed);

        var state = new List<KeyValuePair<string, ReadOnlyMemory<byte>>>(start.StateMap.Count);
        foreach (var entry in start.StateMap)
        {
            state.Add(new(Notification.DecodeKey(entry.Key.Span), entry.Value.Memory));
        }

        _eagerState = new EagerState(start.PartialState, state);

        if (start.KnownEntries == 0)
        {
            throw ProtocolException.Violation("StartMessage.known_entries is 0; the journal always holds at least the input.");
        }

        State = InvocationState.WaitingReplayEntries;
    }

    private void OnEntryReceived()
    {
        if (State != InvocationState.WaitingReplayEntries)
        {
            return;
        }

        _receivedEntries++;
        if (_receivedEntries == Start!.KnownEntries)
        {
            if (_replayCommands.Count == 0)
            {
                throw ProtocolException.Violation("The replayed journal holds no InputCommand.");
            }

            State = InvocationState.Replaying;
        }
    }
}
