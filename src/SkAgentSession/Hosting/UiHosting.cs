using Microsoft.Extensions.FileProviders;

namespace SkAgentSession.Hosting;

/// <summary>Serves the built web UI (<c>ui/dist</c>) at the root, with <c>index.html</c> for every other page path.</summary>
internal static class UiHosting
{
    private const string NotBuiltPage =
        "<!doctype html><title>SkAgentSession</title><p>The web UI is not built. Run <code>npm ci &amp;&amp; npm run build</code> in <code>ui/</code>, " +
        "or start the app with <code>dotnet run --project src/SkAgentSession</code>, which builds it.</p>";

    public static WebApplication MapUi(this WebApplication app, AppOptions options)
    {
        var uiPath = options.UiPath ?? RepositoryPaths.FindUiDist();
        if (uiPath is null || !File.Exists(Path.Combine(uiPath, "index.html")))
        {
            app.Logger.LogWarning("The web UI is not built (no ui/dist/index.html); serving a placeholder page.");
            app.MapFallback(() => Results.Content(NotBuiltPage, "text/html"));
            return app;
        }

        var files = new PhysicalFileProvider(Path.GetFullPath(uiPath));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapFallbackToFile("index.html", new StaticFileOptions { FileProvider = files });
        return app;
    }
}
