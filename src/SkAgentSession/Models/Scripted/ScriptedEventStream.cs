using System.Text;

namespace SkAgentSession.Models.Scripted;

/// <summary>
/// The body of a streamed answer, produced as the client reads it: each token event is written
/// after the token delay, so nothing is buffered ahead and a cancelled request (or read) stops the
/// stream between two tokens.
/// </summary>
internal sealed class ScriptedEventStream : Stream
{
    private readonly IReadOnlyList<ScriptedStreamEvent> _events;
    private readonly TimeSpan _tokenDelay;
    private readonly TimeProvider _time;
    private readonly CancellationToken _requestCancelled;
    private int _next;
    private ReadOnlyMemory<byte> _pending;

    public ScriptedEventStream(IReadOnlyList<ScriptedStreamEvent> events, TimeSpan tokenDelay, TimeProvider time, CancellationToken requestCancelled)
    {
        _events = events;
        _tokenDelay = tokenDelay;
        _time = time;
        _requestCancelled = requestCancelled;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_pending.IsEmpty)
        {
            if (_next >= _events.Count)
            {
                return 0;
            }

            var next = _events[_next++];
            using var cancelled = CancellationTokenSource.CreateLinkedTokenSource(_requestCancelled, cancellationToken);
            if (next.IsToken && _tokenDelay > TimeSpan.Zero)
            {
                await Task.Delay(_tokenDelay, _time, cancelled.Token).ConfigureAwait(false);
            }

            cancelled.Token.ThrowIfCancellationRequested();
            _pending = Encoding.UTF8.GetBytes($"data: {next.Data}\n\n");
        }

        var count = Math.Min(buffer.Length, _pending.Length);
        _pending[..count].CopyTo(buffer);
        _pending = _pending[count..];
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
