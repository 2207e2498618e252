using System.Text.Json;
using SkAgentSession.Agents.Loop;
using SkAgentSession.Sessions;

namespace SkAgentSession.Api;

/// <summary>A person's decision about a tool call a turn waits for: <c>POST /api/sessions/{id}/approvals/{callId}</c>.</summary>
public static class ApprovalsApi
{
    private const string Example = """{"approved": true, "comment": "ok"}""";

    private const int MaxCommentLength = 2000;

    public static RouteHandlerBuilder MapApprovalsApi(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/sessions/{id}/approvals/{callId}", Decide)
            .WithSessionIdCheck()
            .WithTags("Sessions")
            .WithName("DecideApproval")
            .WithSummary("Approves or rejects a tool call the session's turn waits for.")
            .WithDescription("Body {\"approved\": bool, \"comment\"?: string}. 202 when the decision was handed to the turn; 404 when no such request waits; 409 when it was decided already. The turn goes on in the event stream.");

    private static async Task<IResult> Decide(string id, string callId, HttpRequest request, IAgentSessionClient sessions, CancellationToken cancellationToken)
    {
        if (callId.Length is 0 or > 256)
        {
            return SessionApi.BadRequest("The call id must be 1 to 256 characters long.");
        }

        var (body, bodyError) = await JsonObjectBodyReader.ReadAsync(request, Example, cancellationToken);
        var (decision, error) = bodyError is null ? ReadDecision(body) : (null, bodyError);
        if (error is not null)
        {
            return SessionApi.BadRequest(error);
        }

        var result = await sessions.ResolveApprovalAsync(id, callId, decision!, cancellationToken);
        return result.Problem is { } problem ? SessionApi.ToProblem(problem) : TypedResults.Accepted((string?)null, result.Value);
    }

    private static (ApprovalDecision? Decision, string? Error) ReadDecision(JsonElement body)
    {
        if (!body.TryGetProperty("approved", out var approved) || approved.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return (null, $"'approved' must be true or false, as in {Example}.");
        }

        string? comment = null;
        if (body.TryGetProperty("comment", out var commentValue) && commentValue.ValueKind != JsonValueKind.Null)
        {
            if (commentValue.ValueKind != JsonValueKind.String)
            {
                return (null, "'comment' must be a string.");
            }

            comment = commentValue.GetString();
            if (comment!.Length > MaxCommentLength)
            {
                return (null, $"'comment' is {comment.Length} characters long; the limit is {MaxCommentLength}.");
            }
        }

        return (new ApprovalDecision { Approved = approved.GetBoolean(), Comment = string.IsNullOrWhiteSpace(comment) ? null : comment }, null);
    }
}
