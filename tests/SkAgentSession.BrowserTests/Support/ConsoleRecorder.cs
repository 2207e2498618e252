using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace SkAgentSession.BrowserTests.Support;

/// <summary>Collects a page's console errors and uncaught exceptions.</summary>
internal sealed class ConsoleRecorder
{
    private readonly ConcurrentQueue<string> _errors = new();

    public IReadOnlyCollection<string> Errors => _errors;

    public void Attach(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Enqueue($"console.error: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => _errors.Enqueue($"uncaught: {error}");
    }

    /// <summary>The errors that are not Chromium's own report of a failed request (<c>net::ERR_...</c>).</summary>
    public IReadOnlyList<string> ErrorsExceptNetworkFailures() =>
        _errors.Where(e => !e.Contains("net::ERR_", StringComparison.Ordinal)).ToList();
}
