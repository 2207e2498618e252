using System.Globalization;
using System.Threading.Channels;

namespace SkAgentSession.Events;

/// <summary>
/// The sink of one turn attempt: <see cref="Emit"/> queues the event; a background loop sends what
/// is queued (up to <see cref="SessionEventsOptions.MaxBatchSize"/> events) to the session's event
/// log, one batch at a time so the log keeps the emitted order, retrying transient failures. Each
/// batch carries the idempotency key <c>turnId:attemptId:batchNumber</c>, so a batch resent after
/// an ambiguous failure is stored once.
/// </summary>
/// <remarks>
/// <para>
/// The attempt id must be new for every sink (the factory makes one): batch numbers restart at 1
/// in each sink, so a reused attempt id would repeat idempotency keys, and its batches would be
/// taken for resends and not stored.
/// </para>
/// <para>
/// A batch the log refuses (a 4xx: the events are invalid) is dropped and logged, and makes every
/// later <see cref="FlushAsync"/> throw once the other events are stored. Disposing stops the
/// loop; events not stored by then are lost, so flush first.
/// </para>
/// </remarks>
public sealed class IngressTurnEventSink : ITurnEventSink, IAsyncDisposable
{
    private static readonly TimeSpan FirstRetryInterval = TimeSpan.FromMilliseconds(100);

    private readonly string _sessionId;
    private readonly string _turnId;
    private readonly string _attemptId;
    private readonly int _step;
    private readonly string? _textBefore;
    private readonly ISessionEventLogClient _log;
    private readonly SessionEventSignal _signal;
    private readonly SessionEventsOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<TurnEvent> _queue = Channel.CreateUnbounded<TurnEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Lock _progressLock = new();
    private TaskCompletionSource _progress = NewProgress();
    private long _emitted;
    private long _done;
    private string? _refusal;

    public IngressTurnEventSink(
        string sessionId,
        string turnId,
        string attemptId,
        int step,
        string? textBefore,
        ISessionEventLogClient log,
        SessionEventSignal signal,
        SessionEventsOptions options,
        ILogger logger)
    {
        _sessionId = sessionId;
        _turnId = turnId;
        _attemptId = attemptId;
        _step = step;
        _textBefore = string.IsNullOrEmpty(textBefore) ? null : textBefore;
        _log = log;
        _signal = signal;
        _options = options;
        _logger = logger;
        _loop = Task.Run(SendLoopAsync);
    }

    public string AttemptId => _attemptId;

    public void Emit(TurnEvent turnEvent)
    {
        ArgumentNullException.ThrowIfNull(turnEvent);
        if (_queue.Writer.TryWrite(turnEvent))
        {
            Interlocked.Increment(ref _emitted);
        }
        else
        {
            _logger.LogWarning("An event of turn {TurnId} was emitted after its sink was disposed; it is dropped", _turnId);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var target = Interlocked.Read(ref _emitted);
        while (true)
        {
            Task progress;
            lock (_progressLock)
            {
                if (_done >= target)
                {
                    break;
                }

                if (_loop.IsCompleted)
                {
                    throw new ObjectDisposedException(nameof(IngressTurnEventSink), "The sink was disposed before all events were stored.");
                }

                progress = _progress.Task;
            }

            await progress.WaitAsync(cancellationToken);
        }

        lock (_progressLock)
        {
            if (_refusal is not null)
            {
                throw new SessionEventLogException(_refusal, 400, isTransient: false);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        lock (_progressLock)
        {
            _progress.TrySetResult();
        }

        _stop.Dispose();
    }

    private async Task SendLoopAsync()
    {
        var batchNumber = 0;
        var maxBatchSize = Math.Clamp(_options.MaxBatchSize, 1, SessionEventRules.MaxEventsPerAppend);
        var batch = new List<TurnEvent>(maxBatchSize);
        while (await _queue.Reader.WaitToReadAsync(_stop.Token))
        {
            batch.Clear();
            while (batch.Count < maxBatchSize && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            batchNumber++;
            await SendWithRetriesAsync(batch, batchNumber);
            lock (_progressLock)
            {
                _done += batch.Count;
                _progress.TrySetResult();
                _progress = NewProgress();
            }
        }
    }

    /// <summary>The batch with its ids, when the log stored exactly it (no retry marker added, nothing dropped).</summary>
    private static List<TurnEvent>? StoredAsSent(AppendResult result, List<TurnEvent> batch)
    {
        if (!result.AsSent || result.LastId - result.FirstId + 1 != batch.Count)
        {
            return null;
        }

        var id = result.FirstId;
        return [.. batch.Select(e => e with { Id = id++ })];
    }

    private async Task SendWithRetriesAsync(List<TurnEvent> batch, int batchNumber)
    {
        var request = new AppendEvents { TurnId = _turnId, AttemptId = _attemptId, Step = _step, TextBefore = batchNumber == 1 ? _textBefore : null, Events = batch };
        var key = string.Create(CultureInfo.InvariantCulture, $"{_turnId}:{_attemptId}:{batchNumber}");
        var delay = FirstRetryInterval;
        while (true)
        {
            try
            {
                var result = await _log.AppendAsync(_sessionId, request, key, _stop.Token);
                _signal.Pulse(_sessionId, StoredAsSent(result, batch));
                return;
            }
            catch (SessionEventLogException failure) when (failure.IsTransient)
            {
                _logger.LogWarning("Storing batch {BatchNumber} of turn {TurnId} failed ({Error}); retrying in {Delay}", batchNumber, _turnId, failure.Message, delay);
            }
            catch (OperationCanceledException) when (!_stop.IsCancellationRequested)
            {
                _logger.LogWarning("Storing batch {BatchNumber} of turn {TurnId} timed out; retrying in {Delay}", batchNumber, _turnId, delay);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // Refused (bad events) or an answer that makes no sense: a repeat would fail the same way.
                _logger.LogError(failure, "The event log of session {SessionId} refused batch {BatchNumber} of turn {TurnId}; its events are dropped", _sessionId, batchNumber, _turnId);
                lock (_progressLock)
                {
                    _refusal ??= failure.Message;
                }

                return;
            }

            await Task.Delay(delay, _stop.Token);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryInterval.Ticks));
        }
    }

    private static TaskCompletionSource NewProgress() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
