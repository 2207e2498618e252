using System.Buffers;
using Restate.Sdk.Protocol;

namespace Restate.Sdk.StateMachine;

/// <summary>
/// The invocation state machine of service protocol V5/V6. It is I/O free: the transport feeds it
/// the request bytes (<see cref="NotifyInput(ReadOnlySequence{byte})"/>), user code calls the
/// <c>Sys*</c> methods and awaits handles through <see cref="DoProgress"/>, and the transport takes
/// the frames to send with <see cref="TakeOutput(IBufferWriter{byte})"/>. It is not thread safe:
/// the caller serializes access.
/// <para>
/// States: WaitingStart → WaitingReplayEntries → Replaying → Processing → Closed. Any protocol
/// error moves it to Closed with an <c>ErrorMessage</c> written, and every later call throws it.
/// </para>
/// The transitions are split by kind over the partial files of this class, like the reference core:
/// input, commands, state, runs, awaiting, and the terminal ones here.
/// </summary>
internal sealed partial class InvocationStateMachine
{
    private readonly StateMachineOptions _options;
    private readonly MessageDecoder _decoder;
    private readonly OutputBuffer _output = new();
    private readonly Journal _journal = new();
    private readonly AsyncResults _results = new();
    private readonly RunTracker _runs = new();
    private readonly Queue<RawMessage> _replayCommands = new();
    private readonly List<TrackedCall> _trackedCalls = [];
    private EagerState _eagerState = new(isPartial: true, []);
    private uint _receivedEntries;
    private bool _inputClosed;
    private bool _processingFirstEntry;
    private Exception? _closedError;

    public InvocationStateMachine(ServiceProtocolVersion version, StateMachineOptions? options = null)
    {
        Version = version;
        _options = options ?? StateMachineOptions.Default;
        _decoder = new MessageDecoder(_options.MaxMessageSize);
    }

    public ServiceProtocolVersion Version { get; }

    public InvocationState State { get; private set; } = InvocationState.WaitingStart;

    public ClosedReason ClosedReason { get; private set; }

    public StartInfo? Start { get; private set; }

    public bool IsReplaying => State == InvocationState.Replaying;

    public bool IsProcessing => State == InvocationState.Processing;

    public bool IsClosed => State == InvocationState.Closed;

    /// <summary>True once Start and all journal entries are in: user code may run.</summary>
    public bool IsReadyToExecute => State is InvocationState.Replaying or InvocationState.Processing;

    public bool IsInputClosed => _inputClosed;

    /// <summary>True when nothing more will ever be written and all output has been taken.</summary>
    public bool IsOutputFinished => _output.IsClosed && _output.Length == 0;

    public bool HasOutput => _output.Length > 0;

    /// <summary>
    /// Called once, under the caller's lock, when the state machine closes (ended, suspended, failed
    /// or aborted), so that the transport can end the attempt without polling.
    /// </summary>
    public Action? OnClosed { get; set; }

    /// <summary>The error that closed the state machine, if it failed or was aborted.</summary>
    public Exception? ClosedError => _closedError;

    public int TakeOutput(IBufferWriter<byte> destination) => _output.TakeTo(destination);

    public byte[] TakeOutput() => _output.Take();

    /// <summary>Throws if the state machine is closed: the error it failed with, or why it closed.</summary>
    public void ThrowIfClosed()
    {
        if (!IsClosed)
        {
            return;
        }

        throw ClosedReason switch
        {
            ClosedReason.Suspended => new SuspendedException(),
            ClosedReason.Ended => new InvalidOperationException("The invocation has already ended; its context can no longer be used."),
            _ => Rethrowable(_closedError!),
        };
    }

    private void ThrowIfClosedUnlessEnded()
    {
        if (ClosedReason != ClosedReason.Ended)
        {
            ThrowIfClosed();
        }
    }

    /// <summary>Runs a transition; a protocol error in it writes ErrorMessage and closes the machine.</summary>
    private void Guard(Action transition)
    {
        ThrowIfClosed();
        try
        {
            transition();
        }
        catch (ProtocolException e)
        {
            throw Fail(e);
        }
    }

    private T Guard<T>(Func<T> transition)
    {
        ThrowIfClosed();
        try
        {
            return transition();
        }
        catch (ProtocolException e)
        {
            throw Fail(e);
        }
    }

    private ProtocolException Fail(ProtocolException error, CommandRef? related = null, TimeSpan? nextRetryDelay = null)
    {
        if (!IsClosed)
        {
            WriteError(new InvocationError(error.Code, error.Message, error.StackTrace ?? "", related ?? _journal.CurrentCommand, nextRetryDelay));
            Close(ClosedReason.Failed, error);
        }

        return error;
    }

    private void Close(ClosedReason reason, Exception? error)
    {
        State = InvocationState.Closed;
        ClosedReason = reason;
        _closedError = error;
        _replayCommands.Clear();
        OnClosed?.Invoke();
    }

    private ProtocolException UnexpectedState(string operation) =>
        ProtocolException.Violation($"Unexpected state {State} for {operation}.");

    private static Exception Rethrowable(Exception error) => error switch
    {
        ProtocolException p => new ProtocolException(p.Code, p.Message, p),
        OperationCanceledException o => new OperationCanceledException(o.Message, o),
        _ => new InvalidOperationException(error.Message, error),
    };

    private sealed class TrackedCall(int invocationIdHandle)
    {
        public int InvocationIdHandle { get; } = invocationIdHandle;

        public string? InvocationId { get; set; }
    }
}
