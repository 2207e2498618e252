using System.Globalization;

namespace SkAgentSession.FaultInjection;

/// <summary>
/// The messages one session sends, in order, following the scripted model's demo flows (greeting, FAQ questions
/// with a handoff and a tool call, a seat change with its handoffs and the <c>update_seat</c> tool). Each message
/// ends with a reference unique in the run, so the model call log can be attributed to its turn, and some carry a
/// <c>#model-slow:MS</c> marker so a turn lasts long enough to be cut by a kill.
/// </summary>
internal sealed record ConversationScript(string SessionId, IReadOnlyList<ScriptedMessage> Messages)
{
    private static readonly string[][] Flow =
    [
        ["Hello there!", "Hi, I have a few questions about my flight.", "Good morning!"],
        ["How much baggage can I bring?", "What is the luggage allowance?", "Can I take a suitcase as carry-on?"],
        ["Is there wifi on the plane?", "How many seats are on the plane?", "Does the plane have internet?"],
        ["I want to change my seat, please.", "Can I switch to a different seat?", "I'd like to pick another seat."],
        ["My confirmation number is {0} and I would like seat {1}.", "Confirmation {0}, new seat {1} please.", "It's {0}, and seat {1} would be great."],
        ["Thanks for your help!", "Thank you, that is all.", "Great, thanks!"],
    ];

    private const string ConfirmationLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>Builds the session's messages from <paramref name="random"/> (seeded per run), so a seed gives the same traffic.</summary>
    public static ConversationScript Create(string runId, int sessionNumber, FaultRunOptions options, Random random)
    {
        var sessionId = string.Create(CultureInfo.InvariantCulture, $"{runId}-s{sessionNumber:000}");
        var confirmation = string.Concat(
            Enumerable.Range(0, 6).Select(i => i % 2 == 0 ? ConfirmationLetters[random.Next(ConfirmationLetters.Length)] : (char)('0' + random.Next(10))));
        var seat = string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 31)}{(char)('A' + random.Next(6))}");
        var messages = new List<ScriptedMessage>(options.Turns);
        for (var turn = 0; turn < options.Turns; turn++)
        {
            // After the first pass, the flow repeats without the greeting.
            var step = turn < Flow.Length ? turn : 1 + ((turn - 1) % (Flow.Length - 1));
            var variants = Flow[step];
            var text = string.Format(CultureInfo.InvariantCulture, variants[random.Next(variants.Length)], confirmation, seat);
            var slow = random.NextDouble() < options.SlowFraction
                ? string.Create(CultureInfo.InvariantCulture, $" #model-slow:{random.Next(options.SlowMinMilliseconds, options.SlowMaxMilliseconds + 1)}")
                : string.Empty;
            var reference = string.Create(CultureInfo.InvariantCulture, $" (ref {sessionNumber}/{turn + 1})");
            messages.Add(new ScriptedMessage(turn, text + reference + slow, string.Create(CultureInfo.InvariantCulture, $"{sessionId}-m{turn + 1}")));
        }

        return new ConversationScript(sessionId, messages);
    }
}
