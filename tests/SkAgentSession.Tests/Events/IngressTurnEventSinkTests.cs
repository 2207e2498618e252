using Microsoft.Extensions.Logging.Abstractions;
using SkAgentSession.Events;

namespace SkAgentSession.Tests.Events;

/// <summary>The producer of one turn attempt, against an in-memory event log.</summary>
public sealed class IngressTurnEventSinkTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly MemorySessionEventLog _log = new();
    private readonly SessionEventSignal _signal = new();

    private IngressTurnEventSink NewSink(string attemptId = "a1", int maxBatchSize = 64) =>
        new("s1", "t1", attemptId, 1, null, _log, _signal, new SessionEventsOptions { MaxBatchSize = maxBatchSize, MaxRetryInterval = TimeSpan.FromMilliseconds(50) }, NullLogger.Instance);

    public void Dispose() => _log.Dispose();

    private async Task<List<TurnEvent>> Stored() => [.. (await _log.ReadAsync("s1", new ReadEvents(0, 1000), default)).Events];

    [Fact]
    public async Task Everything_emitted_is_stored_in_order_in_batches_of_at_most_the_limit_once_flushed()
    {
        await using var sink = NewSink(maxBatchSize: 7);
        foreach (var e in TestEvents.Deltas("t1", 100))
        {
            sink.Emit(e);
        }

        await sink.FlushAsync(default).WaitAsync(Timeout);

        var stored = await Stored();
        Assert.Equal(Enumerable.Range(1, 100).Select(i => "d" + i), stored.Select(e => e.Text));
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), stored.Select(e => e.Id));
        Assert.All(_log.Appends, a => Assert.InRange(a.Batch.Events!.Count, 1, 7));
    }

    [Fact]
    public async Task Each_batch_has_the_key_turn_attempt_and_batch_number()
    {
        await using var sink = NewSink(maxBatchSize: 1);
        sink.Emit(TestEvents.Delta("t1", "x"));
        sink.Emit(TestEvents.Delta("t1", "y"));
        await sink.FlushAsync(default).WaitAsync(Timeout);

        Assert.Equal(["t1:a1:1", "t1:a1:2"], _log.Appends.Select(a => a.Key));
    }

    [Fact]
    public async Task A_transient_failure_is_retried_with_the_same_key_and_an_answer_lost_after_storing_stores_once()
    {
        _log.FailAfterStoring = true;
        _log.FailNextAppends = 2;
        await using var sink = NewSink();
        sink.Emit(TestEvents.Delta("t1", "x"));

        await sink.FlushAsync(default).WaitAsync(Timeout);

        Assert.Equal(["t1:a1:1", "t1:a1:1", "t1:a1:1"], _log.Appends.Select(a => a.Key));
        Assert.Single(await Stored());
    }

    [Fact]
    public async Task Flush_waits_until_the_log_is_reachable_again()
    {
        _log.FailNextAppends = 3;
        await using var sink = NewSink();
        sink.Emit(TestEvents.Delta("t1", "x"));

        await sink.FlushAsync(default).WaitAsync(Timeout);

        Assert.Equal(4, _log.Appends.Count);
        Assert.Single(await Stored());
    }

    [Fact]
    public async Task An_append_that_times_out_is_retried()
    {
        _log.FailNextAppends = 1;
        _log.FailWith = () => new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout.");
        await using var sink = NewSink();
        sink.Emit(TestEvents.Delta("t1", "x"));

        await sink.FlushAsync(default).WaitAsync(Timeout);

        Assert.Single(await Stored());
    }

    [Fact]
    public async Task A_refused_batch_makes_flush_throw_and_later_batches_are_still_sent()
    {
        _log.FailNextAppends = 1;
        _log.FailWith = () => new SessionEventLogException("Event 0: it has no agent.", 400, isTransient: false);
        await using var sink = NewSink();
        sink.Emit(TestEvents.Delta("t1", "x"));
        var failure = await Assert.ThrowsAsync<SessionEventLogException>(() => sink.FlushAsync(default).WaitAsync(Timeout));
        Assert.Contains("no agent", failure.Message);

        sink.Emit(TestEvents.Delta("t1", "y"));
        await Assert.ThrowsAsync<SessionEventLogException>(() => sink.FlushAsync(default).WaitAsync(Timeout));
        Assert.Equal("y", Assert.Single(await Stored()).Text);
    }

    [Fact]
    public async Task A_stored_batch_wakes_the_streams_of_the_session_in_this_process()
    {
        using var listener = _signal.Listen("s1");
        await using var sink = NewSink();
        sink.Emit(TestEvents.Delta("t1", "x"));

        await listener.Pulsed.WaitAsync(Timeout);
    }

    [Fact]
    public async Task Flush_with_nothing_emitted_returns_at_once_and_emit_after_dispose_is_ignored()
    {
        var sink = NewSink();
        await sink.FlushAsync(default).WaitAsync(Timeout);
        await sink.DisposeAsync();

        sink.Emit(TestEvents.Delta("t1", "late"));
        Assert.Empty(await Stored());
    }

    [Fact]
    public async Task A_second_attempt_of_the_turn_is_announced_in_the_log()
    {
        await using (var first = NewSink("a1"))
        {
            first.Emit(TestEvents.Delta("t1", "partial"));
            await first.FlushAsync(default).WaitAsync(Timeout);
        }

        await using var second = NewSink("a2");
        second.Emit(TestEvents.Delta("t1", "whole"));
        await second.FlushAsync(default).WaitAsync(Timeout);

        Assert.Equal(["text.delta", "turn.retrying", "text.delta"], (await Stored()).Select(e => e.Type));
    }
}
