using System.Buffers;
using System.IO.Pipelines;
using Restate.Sdk.StateMachine;

namespace Restate.Sdk;

/// <summary>
/// One invocation attempt's state machine with what drives it: the lock every access takes, the
/// signal that wakes waiting user code, the response writer, and the token that fires when the
/// attempt is over. Shared by the transport pump and the <see cref="InvocationContext"/>. Nothing in
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
    }

    public object Sync { get; } = new();

    public InvocationStateMachine Machine { get; }

    public ProgressSignal Progress { get; } = new();

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
        }

        Progress.Pulse();
    }

    public void CloseInput()
    {
        lock (Sync)
        {
            Machine.NotifyInputClosed();
        }

        Progress.Pulse();
    }

    /// <summary>The connection broke: every pending and future await fails, and user code unwinds.</summary>
    public void Abort(string reason)
    {
        lock (Sync)
        {
            Machine.NotifyAborted(reason);
        }

        Progress.Pulse();
        EndAttempt();
    }

    public void EndAttempt()
    {
        try
        {
            _aborted.Cancel();
        }
        catch (AggregateException)
        {
            // A callback registered by user code threw; the attempt is over either way.
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
