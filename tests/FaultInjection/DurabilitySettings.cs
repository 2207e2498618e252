using System.Net;
using System.Text.Json;

namespace SkAgentSession.FaultInjection;

/// <summary>
/// How a run's sessions get their durability mode: the app's defaults for sessions never configured
/// (<c>SkAgentSession:Sessions:Durability</c>), given to every service instance, with approvals off (a seat change
/// would otherwise wait for a human). Before the conversations start, one session's settings are read back through
/// <c>GET /api/sessions/{id}/settings</c>, so a run never reports on a mode the app did not use.
/// </summary>
internal static class DurabilitySettings
{
    public static string Name(DurabilityMode mode) => mode == DurabilityMode.Step ? "step" : "turn";

    public static IReadOnlyDictionary<string, string> AppSettings(DurabilityMode mode) => new Dictionary<string, string>
    {
        ["SkAgentSession__Sessions__Durability"] = Name(mode),
        ["SkAgentSession__Sessions__Approvals"] = "false",
    };

    /// <exception cref="InvalidOperationException">The app does not report <paramref name="mode"/> (or has no settings API, which only turn mode tolerates).</exception>
    public static async Task ConfirmAsync(HttpClient http, Uri apiUrl, string sessionId, DurabilityMode mode, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(apiUrl, $"api/sessions/{sessionId}/settings"), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound && mode == DurabilityMode.Turn)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET /api/sessions/{sessionId}/settings answered {(int)response.StatusCode}: {body}");
        }

        using var settings = JsonDocument.Parse(body);
        var durability = settings.RootElement.GetProperty("durability").GetString();
        var approvals = settings.RootElement.GetProperty("approvals").GetBoolean();
        if (durability != Name(mode) || approvals)
        {
            throw new InvalidOperationException($"The app gives new sessions {body}, not durability '{Name(mode)}' without approvals.");
        }
    }
}
