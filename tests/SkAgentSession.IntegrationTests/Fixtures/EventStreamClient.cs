using System.Globalization;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace SkAgentSession.IntegrationTests.Fixtures;

/// <summary>An open <c>GET /api/sessions/{id}/events</c>, read with the framework's SSE parser.</summary>
internal sealed class EventStreamClient : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly IAsyncEnumerator<SseItem<string>> _items;
    private readonly CancellationTokenSource _close = new();
    private Task<bool>? _pending;

    private EventStreamClient(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _items = SseParser.Create(body).EnumerateAsync(_close.Token).GetAsyncEnumerator(_close.Token);
    }

    public HttpResponseMessage Response => _response;

    public static async Task<EventStreamClient> OpenAsync(HttpClient api, string sessionId, string? lastEventId = null, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/sessions/{sessionId}/events{query}");
        if (lastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }

        var response = await api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new EventStreamClient(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The next <paramref name="count"/> events: SSE id, SSE event type and the JSON data.</summary>
    public async Task<List<(long Id, string Type, JsonElement Data)>> ReadAsync(int count, TimeSpan? timeout = null)
    {
        var events = new List<(long, string, JsonElement)>();
        var deadline = Task.Delay(timeout ?? TimeSpan.FromSeconds(30));
        while (events.Count < count)
        {
            var next = _pending ??= _items.MoveNextAsync().AsTask();
            if (await Task.WhenAny(next, deadline) == deadline)
            {
                throw new TimeoutException($"Only {events.Count} of {count} events arrived.");
            }

            _pending = null;
            if (!await next)
            {
                throw new EndOfStreamException($"The stream ended after {events.Count} of {count} events.");
            }

            var item = _items.Current;
            events.Add((long.Parse(item.EventId!, CultureInfo.InvariantCulture), item.EventType, JsonDocument.Parse(item.Data).RootElement.Clone()));
        }

        return events;
    }

    /// <summary>Whether another event arrives within <paramref name="wait"/>.</summary>
    public async Task<bool> AnotherEventArrivesWithin(TimeSpan wait)
    {
        var next = _pending ??= _items.MoveNextAsync().AsTask();
        return await Task.WhenAny(next, Task.Delay(wait)) == next && await next;
    }

    public async ValueTask DisposeAsync()
    {
        await _close.CancelAsync();
        _response.Dispose();
        try
        {
            // A read still pending ends with the closed stream; the parser is disposed only after it.
            if (_pending is not null)
            {
                await _pending;
            }

            await _items.DisposeAsync();
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or HttpRequestException)
        {
        }

        _close.Dispose();
    }
}
