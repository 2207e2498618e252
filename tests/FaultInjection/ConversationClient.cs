using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SkAgentSession.FaultInjection;

/// <summary>
/// Plays one conversation against the app's HTTP API like a careful client: each message goes out with its own
/// idempotency key and is re-sent with the same key until a 200 comes back (or the deadline passes); the next
/// message goes out only after that. With several API URLs (replicas without a balancer), each attempt goes to the next one.
/// </summary>
internal sealed class ConversationClient(HttpClient http, IReadOnlyList<Uri> apiUrls, FaultRunOptions options, RunProgress progress)
{
    private const string TerminalTurnFailureTitle = "The agent turn failed";

    public async Task<IReadOnlyList<TurnRecord>> RunAsync(ConversationScript script, int replicaOffset, CancellationToken cancellationToken)
    {
        var records = new List<TurnRecord>(script.Messages.Count);
        foreach (var message in script.Messages)
        {
            var record = await SendUntilAnsweredAsync(script.SessionId, message, replicaOffset, cancellationToken);
            records.Add(record);
            if (record.Outcome != TurnOutcome.Acknowledged)
            {
                // The rest of the conversation builds on this answer; without it the session is not sent to further.
                break;
            }
        }

        return records;
    }

    private async Task<TurnRecord> SendUntilAnsweredAsync(string sessionId, ScriptedMessage message, int replicaOffset, CancellationToken cancellationToken)
    {
        var firstSentAt = DateTimeOffset.UtcNow;
        var deadline = firstSentAt + options.MessageDeadline;
        progress.Started();
        string? lastError = null;
        for (var attempt = 1; ; attempt++)
        {
            var apiUrl = apiUrls[(replicaOffset + message.Turn + attempt - 1) % apiUrls.Count];
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.AttemptTimeout);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(apiUrl, $"api/sessions/{sessionId}/messages"))
                {
                    Content = JsonContent.Create(new { message = message.Text }),
                };
                request.Headers.Add("Idempotency-Key", message.IdempotencyKey);
                using var response = await http.SendAsync(request, timeout.Token);
                var body = await response.Content.ReadAsStringAsync(timeout.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    progress.Finished();
                    using var answer = JsonDocument.Parse(body);
                    return new TurnRecord(
                        sessionId,
                        message,
                        attempt,
                        firstSentAt,
                        DateTimeOffset.UtcNow,
                        TurnOutcome.Acknowledged,
                        answer.RootElement.GetProperty("reply").GetString(),
                        answer.RootElement.GetProperty("items").Clone(),
                        lastError);
                }

                var title = ProblemTitle(body);
                lastError = $"HTTP {(int)response.StatusCode} {title}";
                if (IsFinal(response.StatusCode, title))
                {
                    progress.Finished();
                    return new TurnRecord(sessionId, message, attempt, firstSentAt, null, TurnOutcome.Refused, null, null, $"{lastError}: {body}");
                }

                progress.Retried(lastError);
            }
            catch (Exception failure) when (failure is HttpRequestException or IOException)
            {
                lastError = failure is HttpRequestException { HttpRequestError: var kind } ? $"connection: {kind}" : "connection: I/O error";
                progress.Retried(lastError);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                lastError = $"no answer within {options.AttemptTimeout.TotalSeconds:0} s";
                progress.Retried(lastError);
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                progress.Finished();
                return new TurnRecord(sessionId, message, attempt, firstSentAt, null, TurnOutcome.GaveUp, null, null, lastError);
            }

            await Task.Delay(Backoff(attempt), cancellationToken);
        }
    }

    /// <summary>A client error is the same on every re-send (except the ones that say "later"), and so is a turn's terminal failure.</summary>
    private static bool IsFinal(HttpStatusCode status, string? title) =>
        ((int)status is >= 400 and < 500 && status is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.Conflict))
        || title == TerminalTurnFailureTitle;

    private static string? ProblemTitle(string body)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("title", out var title) ? title.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>100 ms doubling to 2 s, with jitter so that 50 clients do not re-send in lockstep.</summary>
    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(2000, 100 * Math.Pow(2, Math.Min(attempt - 1, 5))) * (0.5 + Random.Shared.NextDouble()));
}
