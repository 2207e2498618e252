using System.Globalization;
using System.Text.RegularExpressions;

namespace SkAgentSession.Models.Scripted;

/// <summary>
/// Test hook: faults requested by markers in the last user message of a request.
/// <list type="bullet">
/// <item><c>#model-fail:N:STATUS</c> — the first N requests whose last user message is this
/// message answer HTTP STATUS (for example <c>#model-fail:2:503</c>, or <c>:401</c> for a rejected key).</item>
/// <item><c>#model-slow:MS</c> — every such request is answered after MS milliseconds.</item>
/// </list>
/// Streamed requests fail the same way (an error status with a JSON body, no stream), and a slow
/// one starts its stream after the delay.
/// </summary>
internal sealed partial record ScriptedFaults(int FailCount, int FailStatus, TimeSpan Delay)
{
    public static ScriptedFaults None { get; } = new(0, 0, TimeSpan.Zero);

    /// <summary>The status the <paramref name="attempt"/>-th request (1-based) for the message answers.</summary>
    public int? FailureFor(int attempt) => attempt <= FailCount ? FailStatus : null;

    public static ScriptedFaults Parse(string? userMessage)
    {
        if (string.IsNullOrEmpty(userMessage))
        {
            return None;
        }

        var fail = FailMarker().Match(userMessage);
        var slow = SlowMarker().Match(userMessage);
        return new ScriptedFaults(
            fail.Success ? int.Parse(fail.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            fail.Success ? int.Parse(fail.Groups[2].Value, CultureInfo.InvariantCulture) : 0,
            slow.Success ? TimeSpan.FromMilliseconds(int.Parse(slow.Groups[1].Value, CultureInfo.InvariantCulture)) : TimeSpan.Zero);
    }

    [GeneratedRegex(@"#model-fail:([0-9]{1,6}):([1-5][0-9]{2})\b")]
    private static partial Regex FailMarker();

    [GeneratedRegex(@"#model-slow:([0-9]{1,7})\b")]
    private static partial Regex SlowMarker();
}
