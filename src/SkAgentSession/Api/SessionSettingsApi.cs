using System.Text.Json;
using SkAgentSession.Sessions;
using SkAgentSession.Settings;

namespace SkAgentSession.Api;

/// <summary>A session's settings: <c>GET</c>/<c>PUT /api/sessions/{id}/settings</c>.</summary>
public static class SessionSettingsApi
{
    private const string Example = """{"durability": "step", "approvals": true}""";

    public static RouteGroupBuilder MapSessionSettingsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/sessions/{id}/settings").WithTags("Sessions").WithSessionIdCheck();
        group.MapGet("/", GetSettings)
            .WithName("GetSessionSettings")
            .WithSummary("How the session runs its turns: durability (turn or step) and approvals.");
        group.MapPut("/", PutSettings)
            .WithName("PutSessionSettings")
            .WithSummary("Changes the session's settings from its next turn; fields left out keep their value.")
            .WithDescription("durability: \"turn\" (the whole turn is one durable step; the default) or \"step\" (each model request, tool call and handoff is one). approvals: whether tools that need a person's approval wait for it.");
        return group;
    }

    private static async Task<IResult> GetSettings(string id, IAgentSessionClient sessions, CancellationToken cancellationToken)
    {
        var result = await sessions.GetSettingsAsync(id, cancellationToken);
        return result.Problem is { } problem ? SessionApi.ToProblem(problem) : TypedResults.Ok(result.Value);
    }

    private static async Task<IResult> PutSettings(string id, HttpRequest request, IAgentSessionClient sessions, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await JsonObjectBodyReader.ReadAsync(request, Example, cancellationToken);
        var (update, error) = bodyError is null ? ReadUpdate(body) : (null, bodyError);
        if (error is not null)
        {
            return SessionApi.BadRequest(error);
        }

        var result = await sessions.UpdateSettingsAsync(id, update!, cancellationToken);
        return result.Problem is { } problem ? SessionApi.ToProblem(problem) : TypedResults.Ok(result.Value);
    }

    private static (SessionSettingsUpdate? Update, string? Error) ReadUpdate(JsonElement body)
    {
        string? durability = null;
        bool? approvals = null;
        foreach (var property in body.EnumerateObject())
        {
            switch (property.Name)
            {
                case "durability" when property.Value.ValueKind == JsonValueKind.String:
                    durability = property.Value.GetString();
                    break;
                case "durability":
                    return (null, $"'durability' must be the string \"{DurabilityModes.Turn}\" or \"{DurabilityModes.Step}\".");
                case "approvals" when property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    approvals = property.Value.GetBoolean();
                    break;
                case "approvals":
                    return (null, "'approvals' must be true or false.");
                default:
                    return (null, $"Unknown setting '{property.Name}': the settings are 'durability' and 'approvals'.");
            }
        }

        var update = new SessionSettingsUpdate { Durability = durability, Approvals = approvals };
        return update.Check() is { } error ? (null, error) : (update, null);
    }
}
