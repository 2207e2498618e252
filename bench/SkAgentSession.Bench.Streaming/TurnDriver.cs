using System.Diagnostics;
using System.Net.Http.Json;

namespace SkAgentSession.Bench.Streaming;

/// <summary>Runs one turn on a fresh session, with or without a subscriber to its event stream, and times it.</summary>
internal sealed class TurnDriver(HttpClient api)
{
    private const string Message = "What is the baggage allowance?";

    /// <summary>
    /// How long the POST took and, with a subscriber, the time from the POST to the first
    /// <c>text.delta</c> and to <c>turn.completed</c>.
    /// </summary>
    public async Task<(TimeSpan Post, TimeSpan? FirstDelta, TimeSpan? Completed)> RunAsync(bool subscribe)
    {
        var session = "bench-" + Guid.NewGuid().ToString("N")[..12];
        if (!subscribe)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await api.PostAsJsonAsync($"api/sessions/{session}/messages", new { message = Message });
            response.EnsureSuccessStatusCode();
            return (Stopwatch.GetElapsedTime(started), null, null);
        }

        using var events = await api.GetAsync($"api/sessions/{session}/events", HttpCompletionOption.ResponseHeadersRead);
        events.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync());
        var postStarted = Stopwatch.GetTimestamp();
        var postTime = TimeSpan.Zero;
        var post = api.PostAsJsonAsync($"api/sessions/{session}/messages", new { message = Message })
            .ContinueWith(t => { postTime = Stopwatch.GetElapsedTime(postStarted); return t.Result; }, TaskScheduler.Default);
        TimeSpan? firstDelta = null;
        TimeSpan? completed = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (firstDelta is null && line == "event: text.delta")
            {
                firstDelta = Stopwatch.GetElapsedTime(postStarted);
            }

            if (line == "event: turn.completed")
            {
                completed = Stopwatch.GetElapsedTime(postStarted);
                break;
            }
        }

        using var answer = await post;
        answer.EnsureSuccessStatusCode();
        return (postTime, firstDelta ?? throw new InvalidOperationException("The turn streamed no text."), completed);
    }
}
