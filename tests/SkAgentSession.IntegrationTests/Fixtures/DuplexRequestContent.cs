using System.Net;

namespace SkAgentSession.IntegrationTests.Fixtures;

/// <summary>
/// A request body the test writes while the response streams back, each write flushed to the wire at once
/// (HttpClient's own content types send HTTP/2 request data only when their copy ends or a buffer fills).
/// </summary>
internal sealed class DuplexRequestContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task WriteAsync(string text)
    {
        var stream = await _stream.Task;
        await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text));
        await stream.FlushAsync();
    }

    /// <summary>Ends the request body.</summary>
    public void Complete() => _done.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        _stream.TrySetResult(stream);
        await _done.Task;
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        _done.TrySetResult();
        base.Dispose(disposing);
    }
}
