using Microsoft.AspNetCore.Http;
using Restate.Sdk.Endpoint;

namespace Restate.Sdk.Hosting;

// Placeholder owned by the core engineer's branch: their InvocationPump replaces this file on merge.
// Until then an invocation gets an honest 500 instead of a pretend answer.
internal static class InvocationPump
{
    public static Task RunAsync(HttpContext http, InvocationRequest request)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(request);
        http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        http.Response.ContentType = "text/plain";
        return http.Response.WriteAsync("invocation core not merged");
    }
}
