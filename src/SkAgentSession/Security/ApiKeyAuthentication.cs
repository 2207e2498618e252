using System.Security.Cryptography;
using System.Text;

namespace SkAgentSession.Security;

/// <summary>
/// Checks the API key of every <c>/api</c> request when keys are configured: the
/// <c>Authorization: Bearer</c> header, or for the event stream (which a browser's
/// <c>EventSource</c> opens without headers) the <c>access_token</c> query parameter. Anything
/// else gets a 401 problem.
/// </summary>
internal static class ApiKeyAuthentication
{
    public static IApplicationBuilder UseApiKeys(this IApplicationBuilder app, ApiKeyOptions options)
    {
        if (!options.Required)
        {
            return app;
        }

        var keyHashes = options.Keys.Select(Hash).ToList();
        return app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api") || IsAuthorized(context.Request, keyHashes))
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "API key required",
                detail: "This app requires an API key: send 'Authorization: Bearer <key>' with one of the keys it was configured with (SkAgentSession:ApiKeys).").ExecuteAsync(context);
        });
    }

    private static bool IsAuthorized(HttpRequest request, List<byte[]> keyHashes)
    {
        var presented = BearerToken(request) ?? EventStreamToken(request);
        if (presented is null)
        {
            return false;
        }

        var hash = Hash(presented);
        var match = false;
        foreach (var key in keyHashes)
        {
            match |= CryptographicOperations.FixedTimeEquals(hash, key);
        }

        return match;
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static string? EventStreamToken(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Path.Value?.EndsWith("/events", StringComparison.Ordinal) == true
            ? request.Query["access_token"].FirstOrDefault()
            : null;

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
