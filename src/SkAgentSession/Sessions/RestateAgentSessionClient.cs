using System.Net;
using System.Text.Json;
using Restate.Sdk.Clients;
using SkAgentSession.Agents;

namespace SkAgentSession.Sessions;

/// <summary>
/// Calls the session objects through the Restate ingress, and lists sessions through the admin SQL
/// API. Errors become problems a person can read: the handler's own 4xx pass through, the rest say
/// which part of the system failed.
/// </summary>
internal sealed class RestateAgentSessionClient(
    RestateIngressClient ingress,
    RestateAdminClient admin,
    ILogger<RestateAgentSessionClient> logger) : IAgentSessionClient
{
    public Task<SessionCallResult<ChatReply>> SendMessageAsync(
        string sessionId, string message, string? idempotencyKey, CancellationToken cancellationToken) =>
        CallAsync<ChatReply>(
            sessionId,
            "chat",
            new ChatTurnRequest(message),
            new IngressCallOptions { IdempotencyKey = idempotencyKey },
            cancellationToken);

    public Task<SessionCallResult<SessionHistory>> GetHistoryAsync(string sessionId, CancellationToken cancellationToken) =>
        CallAsync<SessionHistory>(sessionId, "getHistory", null, null, cancellationToken);

    public async Task<SessionCallResult<bool>> ResetAsync(string sessionId, CancellationToken cancellationToken)
    {
        var result = await CallAsync<JsonElement?>(sessionId, "reset", null, null, cancellationToken);
        return result.Problem is { } problem
            ? SessionCallResult.Failure<bool>(problem)
            : SessionCallResult.Success(true);
    }

    public async Task<SessionCallResult<IReadOnlyList<SessionSummary>>> ListAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<JsonElement> rows;
        try
        {
            rows = await admin.QueryAsync(SessionListQuery.Sql, cancellationToken);
        }
        catch (Exception failure) when (failure is RestateAdminException or HttpRequestException)
        {
            logger.LogWarning(failure, "Listing sessions through the Restate admin API failed");
            return SessionCallResult.Failure<IReadOnlyList<SessionSummary>>(
                new SessionProblem(503, "Restate unavailable", $"The session list could not be read from Restate's admin API: {failure.Message}"));
        }

        return SessionCallResult.Success(SessionListQuery.Summarize(rows));
    }

    public async Task<SessionCallResult<TurnCancellation>> CancelTurnAsync(string sessionId, CancellationToken cancellationToken)
    {
        try
        {
            var invocationId = RunningTurnQuery.InvocationId(await admin.QueryAsync(RunningTurnQuery.Sql(sessionId), cancellationToken));
            if (invocationId is null)
            {
                return SessionCallResult.Failure<TurnCancellation>(NoTurnRunning(sessionId));
            }

            await admin.CancelInvocationAsync(invocationId, cancellationToken);
            return SessionCallResult.Success(new TurnCancellation(invocationId, "cancelling"));
        }
        catch (RestateAdminException failure) when (failure.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            // The turn ended between the lookup and the cancellation.
            return SessionCallResult.Failure<TurnCancellation>(NoTurnRunning(sessionId));
        }
        catch (Exception failure) when (failure is RestateAdminException or HttpRequestException)
        {
            logger.LogWarning(failure, "Cancelling the turn of session {SessionId} through the Restate admin API failed", sessionId);
            return SessionCallResult.Failure<TurnCancellation>(
                new SessionProblem(503, "Restate unavailable", $"The turn could not be cancelled through Restate's admin API: {failure.Message}"));
        }
    }

    private static SessionProblem NoTurnRunning(string sessionId) =>
        new(409, "No turn is running", $"Session '{sessionId}' has no turn in progress to stop.");

    private async Task<SessionCallResult<T>> CallAsync<T>(
        string sessionId,
        string handler,
        object? request,
        IngressCallOptions? options,
        CancellationToken cancellationToken)
    {
        IngressResponse response;
        try
        {
            var target = IngressTarget.ForObject(AgentSessionObject.Name, sessionId, handler);
            response = await ingress.CallRawAsync(target, request, options, cancellationToken);
        }
        catch (HttpRequestException failure)
        {
            logger.LogWarning(failure, "The Restate ingress could not be reached");
            return SessionCallResult.Failure<T>(
                new SessionProblem(503, "Restate unavailable", $"The Restate ingress at {ingress.BaseAddress} could not be reached: {failure.Message}"));
        }

        if (response.IsSuccess)
        {
            var value = response.Body.IsEmpty
                ? default
                : JsonSerializer.Deserialize<T>(response.Body.Span, SessionItemJson.Options);
            return SessionCallResult.Success(value!);
        }

        return SessionCallResult.Failure<T>(ToProblem(response));
    }

    // 503 means "try again" (the UI repeats the request with the same idempotency key); 502 is kept for
    // a turn that definitively failed, which a repeat would only report again.
    private static SessionProblem ToProblem(IngressResponse response)
    {
        var error = response.ToException();
        var status = (int)response.StatusCode;
        if (error.ErrorSource == RestateErrorSource.Invocation)
        {
            // The handler's own verdict, e.g. 400 for bad input or 502 when the model gave up.
            var title = status is >= 400 and < 500 ? "Bad request" : "The agent turn failed";
            return new SessionProblem(status is >= 400 and < 600 ? status : 500, title, error.Message);
        }

        return response.StatusCode switch
        {
            HttpStatusCode.NotFound => new SessionProblem(503, "Service not registered", $"Restate does not know the {AgentSessionObject.Name} service yet: {error.Message}"),
            HttpStatusCode.BadRequest => new SessionProblem(400, "Bad request", error.Message),
            _ => new SessionProblem(503, "Restate unavailable", $"The Restate ingress answered {status}: {error.Message}"),
        };
    }
}
