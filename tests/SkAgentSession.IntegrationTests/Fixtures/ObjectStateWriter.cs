using System.Net.Http.Json;
using System.Text;

namespace SkAgentSession.IntegrationTests.Fixtures;

/// <summary>Writes a virtual object's state through Restate's admin API, as the Restate UI's state editor does.</summary>
internal static class ObjectStateWriter
{
    public static async Task SetStateAsync(SessionEnvironment env, string objectName, string key, Dictionary<string, string> jsonValues)
    {
        using var http = new HttpClient { BaseAddress = env.Restate.AdminUrl };
        var body = new
        {
            object_key = key,
            new_state = jsonValues.ToDictionary(v => v.Key, v => Encoding.UTF8.GetBytes(v.Value).Select(b => (int)b).ToArray()),
        };
        using var response = await http.PostAsJsonAsync($"services/{objectName}/state", body);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Setting {objectName}/{key}'s state failed: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
