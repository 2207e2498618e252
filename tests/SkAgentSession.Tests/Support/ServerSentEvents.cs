using System.Text;

namespace SkAgentSession.Tests.Support;

/// <summary>Reads the <c>data:</c> of Server-Sent Events one event at a time, checking the framing.</summary>
internal sealed class ServerSentEvents(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8);

    /// <summary>The next event's data, or null at the end of the stream.</summary>
    public async Task<string?> NextAsync(CancellationToken cancellationToken = default)
    {
        var line = await _reader.ReadLineAsync(cancellationToken);
        if (line is null)
        {
            return null;
        }

        Assert.StartsWith("data: ", line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await _reader.ReadLineAsync(cancellationToken));
        return line["data: ".Length..];
    }

    public async Task<List<string>> AllAsync()
    {
        var all = new List<string>();
        while (await NextAsync() is { } data)
        {
            all.Add(data);
        }

        return all;
    }

    public void Dispose() => _reader.Dispose();
}
