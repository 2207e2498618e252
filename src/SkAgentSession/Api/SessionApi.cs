using Microsoft.AspNetCore.Http.HttpResults;
using SkAgentSession.Events;
using SkAgentSession.Sessions;

namespace SkAgentSession.Api;

/// <summary>The HTTP API of the chat sessions, under <c>/api/sessions</c>.</summary>
public static class SessionApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private const int MaxIdempotencyKeyLength = 256;

    public static RouteGroupBuilder MapSessionApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/sessions").WithTags("Sessions").WithSessionIdCheck();

        group.MapGet("/", ListSessions)
            .WithName("ListSessions")
            .WithSummary("Lists the sessions that have state, newest first.");

        group.MapGet("/{id}", GetSession)
            .WithName("GetSession")
            .WithSummary("The session's history and active agent (empty for a new id).")
            .WithDescription("With ?limit=N (1-500): at most N items, the newest unless ?before=<position> (older ones: pass the answer's nextBefore) or ?after=<position> (newer ones: pass nextAfter) is given; the answer has items, total, start, nextBefore and nextAfter. Without query parameters: the whole history.");

        group.MapPost("/{id}/messages", PostMessage)
            .WithName("PostMessage")
            .WithSummary("Runs one turn of the session with the user's message.")
            .WithDescription("Send an Idempotency-Key header to make retries safe: a repeated POST with the same key returns the first response and runs no second turn. 200 with the reply; 202 with {turnId, status: \"waiting_for_approval\", approvals} when the turn waits for a person's approval (follow the event stream to its end).")
            .AddOpenApiOperationTransformer(ChatMessageRequestDocumentation.DescribeBodyAsync);

        group.MapPost("/{id}/cancel", CancelTurn)
            .WithName("CancelTurn")
            .WithSummary("Stops the turn the session is running.")
            .WithDescription("Cancels the turn in progress through Restate. The turn's partial output is not stored; the history records that it was stopped. 409 when no turn is running.");

        group.MapDelete("/{id}", DeleteSession)
            .WithName("DeleteSession")
            .WithSummary("Clears the session's history.");

        return group;
    }

    private static async Task<IResult> ListSessions(IAgentSessionClient sessions, CancellationToken cancellationToken)
    {
        var result = await sessions.ListAsync(cancellationToken);
        return result.Problem is { } problem
            ? ToProblem(problem)
            : TypedResults.Ok(new SessionList(result.Value!));
    }

    private static async Task<IResult> GetSession(string id, HttpRequest request, IAgentSessionClient sessions, CancellationToken cancellationToken)
    {
        if (request.Query.Count == 0)
        {
            var whole = await sessions.GetHistoryAsync(id, cancellationToken);
            return whole.Problem is { } problem ? ToProblem(problem) : TypedResults.Ok(whole.Value);
        }

        var (page, pageError) = HistoryPageQuery.Read(request.Query);
        if (pageError is not null)
        {
            return BadRequest(pageError);
        }

        var result = await sessions.GetHistoryPageAsync(id, page!, cancellationToken);
        return result.Problem is { } pageProblem ? ToProblem(pageProblem) : TypedResults.Ok(result.Value);
    }

    private static async Task<IResult> PostMessage(
        string id,
        HttpRequest request,
        IAgentSessionClient sessions,
        SessionEventSignal eventSignal,
        CancellationToken cancellationToken)
    {
        var idempotencyKey = request.Headers[IdempotencyKeyHeader].ToString();
        if (CheckIdempotencyKey(idempotencyKey) is { } keyError)
        {
            return BadRequest(keyError);
        }

        var (message, bodyError) = await ChatMessageBodyReader.ReadAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return BadRequest(bodyError);
        }

        var result = await sessions.SendMessageAsync(
            id,
            message!,
            string.IsNullOrEmpty(idempotencyKey) ? null : idempotencyKey,
            cancellationToken);

        // The turn's end (or its approval request) went to the log with the turn; this process's
        // streams look for it now rather than at their next poll.
        eventSignal.Pulse(id);
        return result switch
        {
            { Problem: { } problem } => ToProblem(problem),
            { Value.Waiting: { } waiting } => TypedResults.Accepted((string?)null, waiting),
            _ => TypedResults.Ok(result.Value!.Reply),
        };
    }

    private static async Task<IResult> CancelTurn(string id, IAgentSessionClient sessions, CancellationToken cancellationToken)
    {
        var result = await sessions.CancelTurnAsync(id, cancellationToken);
        return result.Problem is { } problem ? ToProblem(problem) : TypedResults.Accepted((string?)null, result.Value);
    }

    private static async Task<IResult> DeleteSession(string id, IAgentSessionClient sessions, CancellationToken cancellationToken)
    {
        var result = await sessions.ResetAsync(id, cancellationToken);
        return result.Problem is { } problem ? ToProblem(problem) : TypedResults.NoContent();
    }

    private static string? CheckIdempotencyKey(string key)
    {
        if (key.Length > MaxIdempotencyKeyLength)
        {
            return $"The {IdempotencyKeyHeader} header is {key.Length} characters long; the limit is {MaxIdempotencyKeyLength}.";
        }

        return key.Any(c => c < 0x21 || c > 0x7e)
            ? $"The {IdempotencyKeyHeader} header may only hold visible ASCII characters."
            : null;
    }

    internal static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    internal static ProblemHttpResult ToProblem(SessionProblem problem) =>
        TypedResults.Problem(detail: problem.Detail, statusCode: problem.Status, title: problem.Title);
}
