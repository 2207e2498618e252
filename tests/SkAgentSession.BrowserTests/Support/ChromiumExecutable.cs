namespace SkAgentSession.BrowserTests.Support;

/// <summary>
/// Debian's Chromium, which the browser tests drive through Playwright (Playwright's own browser
/// downloads are not used). <c>CHROMIUM_PATH</c> points elsewhere if needed.
/// </summary>
internal static class ChromiumExecutable
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>Chromium's switches for a quiet, headless run that talks to nothing but the app.</summary>
    public static IReadOnlyList<string> Arguments { get; } =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    public static string Locate()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } custom ? custom : DefaultPath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {path}. Run scripts/install-tools.sh (or apt-get install -y chromium), " +
                "or set CHROMIUM_PATH to a Chromium executable.");
        }

        return path;
    }
}
