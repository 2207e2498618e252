namespace SkAgentSession.Security;

/// <summary>
/// Who may use the HTTP API: with keys (<c>SkAgentSession:ApiKeys</c>, comma-separated, or
/// <c>SKAS_API_KEYS</c>), every <c>/api</c> route needs <c>Authorization: Bearer &lt;key&gt;</c>.
/// Without keys the API is open, which the app allows only on a loopback address unless
/// <c>SkAgentSession:AllowAnonymous</c> says so.
/// </summary>
public sealed class ApiKeyOptions
{
    public IReadOnlyList<string> Keys { get; init; } = [];

    public bool AllowAnonymous { get; init; }

    public bool Required => Keys.Count > 0;

    public static ApiKeyOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration["SkAgentSession:ApiKeys"] is { Length: > 0 } configured ? configured : configuration["SKAS_API_KEYS"] ?? string.Empty;
        var keys = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var key in keys)
        {
            if (key.Length < 16)
            {
                throw new InvalidOperationException($"An API key in SkAgentSession:ApiKeys / SKAS_API_KEYS is {key.Length} characters long; use at least 16 random characters.");
            }
        }

        return new ApiKeyOptions
        {
            Keys = keys,
            AllowAnonymous = configuration.GetValue<bool>("SkAgentSession:AllowAnonymous"),
        };
    }

    /// <summary>Refuses to serve an open API on an address other machines can reach.</summary>
    public void CheckExposure(string bindAddress)
    {
        if (Required || AllowAnonymous || System.Net.IPAddress.IsLoopback(System.Net.IPAddress.Parse(bindAddress)))
        {
            return;
        }

        throw new InvalidOperationException(
            $"The app would serve its API without authentication on {bindAddress}, which other machines can reach. " +
            "Set API keys (SkAgentSession:ApiKeys or SKAS_API_KEYS), or set SkAgentSession:AllowAnonymous=true if something in front of it authenticates.");
    }
}
