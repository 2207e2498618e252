using System.Globalization;
using System.Text.RegularExpressions;

namespace SkAgentSession.Models.Scripted;

/// <summary>
/// The scripted model's answer to a summary request: how many requests the customer made, and the
/// latest few, counting those of the earlier summary, so a summary of summaries stays short.
/// </summary>
internal static partial class ScriptedSummary
{
    private const int Latest = 10;

    public static string Of(string transcript)
    {
        var lines = transcript.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        var count = 0;
        var requests = new List<string>();
        foreach (var line in lines)
        {
            if (Earlier().Match(line) is { Success: true } earlier)
            {
                count += int.Parse(earlier.Groups[1].Value, CultureInfo.InvariantCulture);
                requests.AddRange(earlier.Groups[2].Value.Split("; "));
            }
            else if (line.StartsWith("User: ", StringComparison.Ordinal))
            {
                count++;
                requests.Add(line["User: ".Length..].Trim());
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"The customer made {count} requests; the latest: {string.Join("; ", requests.TakeLast(Latest))}.");
    }

    [GeneratedRegex(@"^Summary of what came before: The customer made ([0-9]+) requests; the latest: (.*)\.$")]
    private static partial Regex Earlier();
}
