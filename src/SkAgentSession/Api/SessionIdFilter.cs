using SkAgentSession.Sessions;

namespace SkAgentSession.Api;

/// <summary>
/// Answers 400 (problem details) for a request whose <c>{id}</c> route value is not a valid session
/// id, before its handler runs: the one place the API checks session ids.
/// </summary>
internal sealed class SessionIdFilter : IEndpointFilter
{
    private const string RouteValueName = "id";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.Request.RouteValues.TryGetValue(RouteValueName, out var value)
            && SessionInputRules.CheckSessionId(value as string ?? string.Empty) is { } error)
        {
            return ValueTask.FromResult<object?>(SessionApi.BadRequest(error));
        }

        return next(context);
    }
}

/// <summary>Adds <see cref="SessionIdFilter"/> to endpoints.</summary>
internal static class SessionIdFilterExtensions
{
    public static TBuilder WithSessionIdCheck<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new SessionIdFilter());
}
