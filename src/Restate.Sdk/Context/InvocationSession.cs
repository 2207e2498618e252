using System.Buffers;
using System.IO.Pipelines;
using Restate.Sdk.Scheduling;
using Restate.Sdk.StateMachine;

namespace Restate.Sdk;

/// <summary>
/// One invocation attempt's state machine with what drives it: the lock every access takes, the
/// scheduler handler code runs on, the response writer, and the signals of the attempt's life
/// (ready to run, closed, over). Shared by the transport pump and the <see cref="InvocationContext"/>. Nothing in
/// it is disposed: run closures may outlive the attempt and still touch the token or the writer.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Reliability",
    "CA1001:Types that own disposable fields should be disposable",
    Justification = "Run closures may outlive the attempt and still read the token or flush; neither holds unmanaged resources.")]
internal sealed class InvocationSession
{
    private readonly PipeWriter _output;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _aborted = new();
    private readonly bool _closeInputWhenReady;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private InvocationContext? _context;
    private bool _outputCompleted;

    /// <param name="machine">The state machine of this attempt.</param>
    /// <param name="output">Where frames go (the response body).</param>
    /// <param name="closeInputWhenReady">
    /// Request/response mode: the runtime sends nothing after the journal, so input counts as
    /// closed as soon as the journal is in, and every await that is not ready suspends.
    /// </param>
    public InvocationSession(InvocationStateMachine machine, PipeWriter output, bool closeInputWhenReady)
    {
        Machine = machine;
        _output = output;
        _closeInputWhenReady = closeInputWhenReady;
        machine.OnClosed = () => _closed.TrySetResult();
        Scheduler = new InvocationScheduler(
            () => _context?.DriveProgress() ?? false,
            e => _context?.OnUnhandledException(e));
    }

    public object Sync { get; } = new();

    public InvocationStateMachine Machine { get; }

    /// <summary>The scheduler handler code of this attempt runs on.</summary>
    public InvocationScheduler Scheduler { get; }

    /// <summary>Completes once the journal is in (user code may run) or the state machine closed before that.</summary>
    public Task WhenReady => _ready.Task;

    /// <summary>Completes once the state machine has closed: ended, suspended, failed or aborted.</summary>
    public Task WhenClosed => _closed.Task;

    /// <summary>The context whose progress the scheduler drives once handler code is quiescent.</summary>
    public void Attach(InvocationContext context) => _context = context;

    /// <summary>Fires when the attempt is over (suspended, failed, aborted or ended).</summary>
    public CancellationToken Aborted => _aborted.Token;

    public void FeedInput(ReadOnlySequence<byte> data)
    {
        lock (Sync)
        {
            Machine.NotifyInput(data);
            if (_closeInputWhenReady && Machine.IsReadyToExecute)
            {
                Machine.NotifyInputClosed();
            }

            SignalReadiness();
        }

        Scheduler.RequestProgress();
    }

    public void CloseInput()
    {
        lock (Sync)
        {
            Machine.NotifyInputClosed();
            SignalReadiness();
        }

        Scheduler.RequestProgress();
    }

    /// <summary>The connection broke: every pending and future await fails, and user code unwinds.</summary>
    public void Abort(string reason)
    {
        lock (Sync)
        {
            Machine.NotifyAborted(reason);
            SignalReadiness();
        }

        EndAttempt();
    }

    /// <summary>The attempt is over: handler code never resumes, and the abort token fires.</summary>
    public void EndAttempt()
    {
        Scheduler.Stop();
        try
        {
            _aborted.Cancel();
        }
        catch (AggregateException)
        {
            // A callback registered by user code threw; the attempt is over either way.
        }
    }

    private void SignalReadiness()
    {
        if (Machine.IsReadyToExecute || Machine.IsClosed)
        {
            _ready.TrySetResult();
        }
    }

    /// <summary>
    /// Ends the response. Flushes after this (from a run closure that outlived the attempt) send
    /// nothing; the write lock keeps them from racing the completion.
    /// </summary>
    public async ValueTask CompleteOutputAsync()
    {
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            _outputCompleted = true;
            await _output.CompleteAsync().ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Sends every frame the state machine produced so far, in one write. Does nothing when there is
    /// nothing to send: an empty flush would put an empty DATA frame on the HTTP/2 stream.
    /// </summary>
    public async ValueTask FlushAsync()
    {
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_outputCompleted)
            {
                return;
            }

            int written;
            lock (Sync)
            {
                written = Machine.IsClosed && Machine.ClosedReason == ClosedReason.Aborted ? 0 : Machine.TakeOutput(_output);
            }

            if (written == 0)
            {
                return;
            }

            var result = await _output.FlushAsync().ConfigureAwait(false);
            if (result.IsCanceled || result.IsCompleted)
            {
                Abort("The response stream was closed by the runtime.");
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            Abort($"Writing to the response failed: {e.Message}");
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
