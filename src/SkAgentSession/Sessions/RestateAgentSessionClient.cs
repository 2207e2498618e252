using System.Net;
using System.Text.Json;
using Restate.Sdk.Clients;
using SkAgentSession.Agents;
using SkAgentSession.Agents.Loop;
using SkAgentSession.Approvals;
using SkAgentSession.Settings;

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
    /// <summary>
    /// How long a message waits for its reply before asking (again) whether its turn waits for an
    /// approval: turns shorter than this never ask; a waiting turn is noticed within it.
    /// </summary>
    private static readonly TimeSpan ApprovalPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Starts the turn (with the caller's idempotency key, or one of its own so the turn can be
    /// attached to), and waits for its reply, unless the turn comes to wait for an approval first:
    /// then it answers with what the turn waits for.
    /// </summary>
    public async Task<SessionCallResult<MessageOutcome>> SendMessageAsync(
        string sessionId, string message, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var target = IngressTarget.ForObject(AgentSessionObject.Name, sessionId, "chat");
        SendResponse sent;
        try
        {
            sent = await ingress.SendAsync(
                target,
                new ChatTurnRequest(message),
                new IngressSendOptions { IdempotencyKey = idempotencyKey ?? "api-" + Guid.NewGuid().ToString("N") },
                cancellationToken);
        }
        catch (HttpRequestException failure)
        {
            return Unreachable<MessageOutcome>(failure);
        }
        catch (RestateIngressException failure)
        {
            return SessionCallResult.Failure<MessageOutcome>(ToProblem(failure, failure.StatusCode));
        }

        using var stopAttach = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var attach = ingress.AttachRawAsync(InvocationQuery.ById(sent.InvocationId), stopAttach.Token);
        while (true)
        {
            if (await Task.WhenAny(attach, Task.Delay(ApprovalPollInterval, cancellationToken)) == attach)
            {
                return await ReplyOf(attach);
            }

            var pending = await CallAsync<PendingApproval?>(sessionId, "getPendingApproval", null, null, cancellationToken);
            if (pending.Value is { } approval && approval.TurnId == sent.InvocationId)
            {
                await stopAttach.CancelAsync();
                await attach.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                return SessionCallResult.Success(MessageOutcome.WaitingFor(new TurnWaiting(
                    approval.TurnId,
                    [new ApprovalSummary(approval.CallId, approval.Name, JsonDocument.Parse(approval.Arguments).RootElement.Clone())])));
            }
        }
    }

    private async Task<SessionCallResult<MessageOutcome>> ReplyOf(Task<IngressResponse> attach)
    {
        IngressResponse response;
        try
        {
            response = await attach;
        }
        catch (HttpRequestException failure)
        {
            return Unreachable<MessageOutcome>(failure);
        }

        return response.IsSuccess
            ? SessionCallResult.Success(MessageOutcome.Replied(JsonSerializer.Deserialize<ChatReply>(response.Body.Span, SessionItemJson.Options)!))
            : SessionCallResult.Failure<MessageOutcome>(ToProblem(response));
    }

    public Task<SessionCallResult<SessionSettings>> GetSettingsAsync(string sessionId, CancellationToken cancellationToken) =>
        CallAsync<SessionSettings>(IngressTarget.ForObject(SessionSettingsObject.Name, sessionId, "get"), null, cancellationToken);

    public Task<SessionCallResult<SessionSettings>> UpdateSettingsAsync(string sessionId, SessionSettingsUpdate update, CancellationToken cancellationToken) =>
        CallAsync<SessionSettings>(IngressTarget.ForObject(SessionSettingsObject.Name, sessionId, "update"), update, cancellationToken);

    public async Task<SessionCallResult<ApprovalResolution>> ResolveApprovalAsync(
        string sessionId, string callId, ApprovalDecision decision, CancellationToken cancellationToken)
    {
        var pending = await CallAsync<PendingApproval?>(sessionId, "getPendingApproval", null, null, cancellationToken);
        if (pending.Problem is { } problem)
        {
            return SessionCallResult.Failure<ApprovalResolution>(problem);
        }

        if (pending.Value is not { } approval || approval.CallId != callId)
        {
            var history = await GetHistoryAsync(sessionId, cancellationToken);
            var decided = history.Value?.Items.OfType<ApprovalRequestItem>().LastOrDefault(i => i.CallId == callId);
            return SessionCallResult.Failure<ApprovalResolution>(decided is null
                ? new SessionProblem(404, "No such approval", $"Session '{sessionId}' has no approval request '{callId}'.")
                : new SessionProblem(409, "Already decided", $"The approval request '{callId}' was already decided: {decided.Status}."));
        }

        try
        {
            await ingress.ResolveAwakeableAsync(approval.AwakeableId, decision with { TimedOut = false }, cancellationToken);
        }
        catch (HttpRequestException failure)
        {
            return Unreachable<ApprovalResolution>(failure);
        }
        catch (RestateIngressException failure)
        {
            return SessionCallResult.Failure<ApprovalResolution>(ToProblem(failure, failure.StatusCode));
        }

        return SessionCallResult.Success(new ApprovalResolution(callId, decision.Approved ? ApprovalRequestItem.Approved : ApprovalRequestItem.Rejected));
    }

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

    private Task<SessionCallResult<T>> CallAsync<T>(
        string sessionId,
        string handler,
        object? request,
        IngressCallOptions? options,
        CancellationToken cancellationToken) =>
        CallAsync<T>(IngressTarget.ForObject(AgentSessionObject.Name, sessionId, handler), request, cancellationToken, options);

    private async Task<SessionCallResult<T>> CallAsync<T>(
        IngressTarget target,
        object? request,
        CancellationToken cancellationToken,
        IngressCallOptions? options = null)
    {
        IngressResponse response;
        try
        {
            response = await ingress.CallRawAsync(target, request, options, cancellationToken);
        }
        catch (HttpRequestException failure)
        {
            return Unreachable<T>(failure);
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

    private SessionCallResult<T> Unreachable<T>(HttpRequestException failure)
    {
        logger.LogWarning(failure, "The Restate ingress could not be reached");
        return SessionCallResult.Failure<T>(
            new SessionProblem(503, "Restate unavailable", $"The Restate ingress at {ingress.BaseAddress} could not be reached: {failure.Message}"));
    }

    // 503 means "try again" (the UI repeats the request with the same idempotency key); 502 is kept for
    // a turn that definitively failed, which a repeat would only report again.
    private static SessionProblem ToProblem(IngressResponse response) => ToProblem(response.ToException(), response.StatusCode);

    private static SessionProblem ToProblem(RestateIngressException error, HttpStatusCode statusCode)
    {
        var status = (int)statusCode;
        if (error.ErrorSource == RestateErrorSource.Invocation)
        {
            // The handler's own verdict, e.g. 400 for bad input or 502 when the model gave up.
            var title = status is >= 400 and < 500 ? "Bad request" : "The agent turn failed";
            return new SessionProblem(status is >= 400 and < 600 ? status : 500, title, error.Message);
        }

        return statusCode switch
        {
            HttpStatusCode.NotFound => new SessionProblem(503, "Service not registered", $"Restate does not know the {AgentSessionObject.Name} service yet: {error.Message}"),
            HttpStatusCode.BadRequest => new SessionProblem(400, "Bad request", error.Message),
            _ => new SessionProblem(503, "Restate unavailable", $"The Restate ingress answered {status}: {error.Message}"),
        };
    }
}
