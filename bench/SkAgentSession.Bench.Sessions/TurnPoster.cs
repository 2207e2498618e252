using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace SkAgentSession.Bench.Sessions;

/// <summary>Sends one user turn to a session and times it; a turn that is not answered fails the run.</summary>
internal sealed class TurnPoster(HttpClient api)
{
    /// <summary>A question the scripted model answers at once: the FAQ agent looks it up and says the answer.</summary>
    public static string Question(int turn) => $"Is there wifi? ({turn})";

    /// <summary>When the turn was sent (Stopwatch timestamp) and how long the POST took.</summary>
    public async Task<(long Started, TimeSpan Took)> PostAsync(string session, int turn)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await api.PostAsJsonAsync($"api/sessions/{session}/messages", new { message = Question(turn) });
        var took = Stopwatch.GetElapsedTime(started);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Turn {turn} of {session}: {(int)response.StatusCode} {body}");
        }

        var reply = JsonDocument.Parse(body).RootElement.GetProperty("reply").GetString();
        if (string.IsNullOrWhiteSpace(reply))
        {
            throw new InvalidOperationException($"Turn {turn} of {session} got an empty reply.");
        }

        return (started, took);
    }
}
