using System.Text;
using System.Text.Json;

namespace SkAgentSession.Tests.Events;

/// <summary>An open event stream, read frame by frame (a frame ends with a blank line), comments included.</summary>
internal sealed class SseTestStream : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseTestStream(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reader = new StreamReader(body, Encoding.UTF8);
    }

    public HttpResponseMessage Response => _response;

    public static async Task<SseTestStream> OpenAsync(HttpClient client, string path, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new SseTestStream(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The rest of the body (of a response that is not a stream, such as a problem).</summary>
    public Task<string> ReadToEndAsync() => _reader.ReadToEndAsync();

    /// <summary>The lines of the next frame, without the blank line that ends it.</summary>
    public async Task<List<string>> ReadFrameAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var lines = new List<string>();
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancel.Token) ?? throw new EndOfStreamException("The stream ended.");
            if (line.Length == 0)
            {
                return lines;
            }

            lines.Add(line);
        }
    }

    /// <summary>The next event (skipping comments): its id, type and data.</summary>
    public async Task<(long Id, string Type, JsonElement Data)> ReadEventAsync(TimeSpan timeout)
    {
        while (true)
        {
            var frame = await ReadFrameAsync(timeout);
            if (frame.All(l => l.StartsWith(':')))
            {
                continue;
            }

            string Field(string name) => frame.Single(l => l.StartsWith(name + ": ", StringComparison.Ordinal))[(name.Length + 2)..];
            return (long.Parse(Field("id"), System.Globalization.CultureInfo.InvariantCulture), Field("event"), JsonDocument.Parse(Field("data")).RootElement.Clone());
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
