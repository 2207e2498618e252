using System.Net;

namespace Restate.Sdk.Tests.Fuzz;

/// <summary>
/// A request body written in chunks, flushed one by one so they arrive as separate reads; with
/// <c>abortAfterBody</c> the client then fails the upload, which resets the HTTP/2 stream.
/// </summary>
internal sealed class StreamedContent(byte[] body, int chunkSize, bool abortAfterBody) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var size = chunkSize <= 0 ? Math.Max(body.Length, 1) : chunkSize;
        for (var offset = 0; offset < body.Length; offset += size)
        {
            await stream.WriteAsync(body.AsMemory(offset, Math.Min(size, body.Length - offset)));
            await stream.FlushAsync();
        }

        if (abortAfterBody)
        {
            await Task.Delay(5);
            throw new IOException("The fuzz client resets the request stream.");
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
