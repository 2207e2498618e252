using System.Collections.Concurrent;
using System.Net;
using Microsoft.Playwright;

namespace SkAgentSession.BrowserTests.Support;

/// <summary>
/// Keeps a browser context on loopback: any request to another host is aborted and remembered,
/// so a page that reaches out to the internet is visible to the test instead of silently slow.
/// </summary>
internal sealed class LoopbackGuard
{
    private readonly ConcurrentQueue<string> _blocked = new();

    public IReadOnlyCollection<string> BlockedUrls => _blocked;

    public Task InstallAsync(IBrowserContext context) =>
        context.RouteAsync(url => !IsLoopback(url), route =>
        {
            _blocked.Enqueue(route.Request.Url);
            return route.AbortAsync("blockedbyclient");
        });

    private static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != "ws" && uri.Scheme != "wss"))
        {
            // data:, blob: and about: never leave the browser.
            return true;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));
    }
}
