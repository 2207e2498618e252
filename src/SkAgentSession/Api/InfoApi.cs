using SkAgentSession.Hosting;
using SkAgentSession.Models;

namespace SkAgentSession.Api;

/// <summary><c>GET /api/info</c>: which model is in use (never its key) and where Restate's UI is.</summary>
public static class InfoApi
{
    public static RouteHandlerBuilder MapInfoApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/info", (ModelInfo model, RestateConnection restate) =>
                TypedResults.Ok(new AppInfo(model, restate.UiUrl.ToString().TrimEnd('/'), restate.AdminUrl.ToString().TrimEnd('/'))))
            .WithTags("Info")
            .WithName("GetInfo")
            .WithSummary("The model in use and the Restate URLs.");
}
