using System.Text.Json;
using System.Text.RegularExpressions;
using SkAgentSession.Agents;
using SkAgentSession.Airline;
using SkAgentSession.Context;

namespace SkAgentSession.Models.Scripted;

/// <summary>
/// The scripted model's behaviour: it plays whichever airline agent the request describes (known
/// from the tools offered) and follows the demo flows from the conversation alone, so the same
/// request always gets the same answer.
/// </summary>
internal static partial class ScriptedAirlinePolicy
{
    public const string FallbackPrefix = "This is a scripted demo model, not a real LLM, so it only follows a few demo flows.";

    private static readonly string ToTriage = HandoffFunctions.FunctionName(AirlineAgentNames.Triage);
    private static readonly string ToFaq = HandoffFunctions.FunctionName(AirlineAgentNames.Faq);
    private static readonly string ToSeatBooking = HandoffFunctions.FunctionName(AirlineAgentNames.SeatBooking);

    private static readonly string[] SeatChangeWords =
        ["change", "switch", "move", "swap", "update", "different", "another", "new seat", "upgrade", "book", "pick", "choose", "select"];

    private static readonly string[] FaqWords =
        ["bag", "luggage", "suitcase", "carry-on", "carry on", "wifi", "wi-fi", "internet", "seat map", "seatmap",
         "how many seats", "seats are", "seats on", "seats does", "exit row", "economy plus", "business class", "legroom"];

    public static ScriptedReply Decide(ScriptedChatRequest request)
    {
        if (request.Messages.Count > 0 && request.Messages[0].Role == "system" && request.Messages[0].Text == HistorySummarizer.Instructions)
        {
            return ScriptedReply.Say(ScriptedSummary.Of(request.LastUserText ?? string.Empty));
        }

        var userText = request.LastUserText ?? string.Empty;
        if (request.ToolNames.Contains(AirlineTools.UpdateSeatName))
        {
            return SeatBooking(request, userText);
        }

        if (request.ToolNames.Contains(AirlineTools.FaqLookupName))
        {
            return Faq(request, userText);
        }

        if (request.ToolNames.Any(t => t.StartsWith(HandoffFunctions.NamePrefix, StringComparison.Ordinal)))
        {
            return Triage(request, userText);
        }

        return ScriptedReply.Say(Fallback(userText));
    }

    private static ScriptedReply Triage(ScriptedChatRequest request, string text)
    {
        if (IsSeatChange(text) && CanHandOff(request, ToSeatBooking))
        {
            return ScriptedReply.Call(ToSeatBooking);
        }

        if (IsFaqQuestion(text) && CanHandOff(request, ToFaq))
        {
            return ScriptedReply.Call(ToFaq);
        }

        if (Greeting().IsMatch(text))
        {
            return ScriptedReply.Say(
                "Hello! I'm the triage agent, played by the scripted demo model (not a real LLM). " +
                "Ask me about baggage, the seats on the plane or wifi, or say \"I want to change my seat\".");
        }

        if (text.Contains("thank", StringComparison.OrdinalIgnoreCase))
        {
            return ScriptedReply.Say("You're welcome! Is there anything else I can help you with?");
        }

        return ScriptedReply.Say(Fallback(text));
    }

    private static ScriptedReply Faq(ScriptedChatRequest request, string text)
    {
        var last = request.Messages[^1];
        if (last.Role == "tool" && request.ToolNameOf(last) == AirlineTools.FaqLookupName)
        {
            return ScriptedReply.Say(last.Text);
        }

        if (IsFaqQuestion(text))
        {
            return ScriptedReply.Call(AirlineTools.FaqLookupName, new Dictionary<string, string> { ["question"] = text });
        }

        return CanHandOff(request, ToTriage) ? ScriptedReply.Call(ToTriage) : ScriptedReply.Say(Fallback(text));
    }

    private static ScriptedReply SeatBooking(ScriptedChatRequest request, string text)
    {
        var messages = request.Messages;
        var last = messages[^1];
        if (last.Role == "tool" && request.ToolNameOf(last) == AirlineTools.UpdateSeatName)
        {
            return ScriptedReply.Say(
                last.Text.StartsWith("Error:", StringComparison.Ordinal) ? $"I couldn't change the seat: {last.Text["Error:".Length..].Trim()}"
                : last.Text.StartsWith("Not run:", StringComparison.Ordinal) ? "I did not change your seat: the change was not approved. Is there anything else I can help you with?"
                : $"Done! {last.Text} Is there anything else I can help you with?");
        }

        var start = SeatBookingScopeStart(messages);
        var lastUpdateIndex = -1;
        (string Confirmation, string Seat)? lastUpdate = null;
        for (var i = start; i < messages.Count; i++)
        {
            foreach (var call in messages[i].ToolCalls.Where(c => c.Name == AirlineTools.UpdateSeatName))
            {
                lastUpdateIndex = i;
                lastUpdate = ReadUpdateArguments(call.Arguments);
            }
        }

        string? confirmation = null;
        string? seat = null;
        for (var i = start; i < messages.Count; i++)
        {
            if (messages[i].Role != "user")
            {
                continue;
            }

            confirmation = FindConfirmation(messages[i].Text) ?? confirmation;
            if (i > lastUpdateIndex)
            {
                seat = FindSeat(messages[i].Text) ?? seat;
            }
        }

        var hasInfo = FindConfirmation(text) is not null || FindSeat(text) is not null;
        if (IsFaqQuestion(text) && !IsSeatChange(text) && !hasInfo)
        {
            return HandBackOrSay(request, text);
        }

        if (confirmation is not null && seat is not null && lastUpdate != (confirmation, seat))
        {
            return ScriptedReply.Call(
                AirlineTools.UpdateSeatName,
                new Dictionary<string, string> { ["confirmation_number"] = confirmation, ["new_seat"] = seat });
        }

        var seatRelated = hasInfo || text.Contains("seat", StringComparison.OrdinalIgnoreCase);
        if (!seatRelated)
        {
            return HandBackOrSay(request, text);
        }

        return (confirmation, seat) switch
        {
            (null, null) => ScriptedReply.Say(
                "I can help you change your seat. What is your confirmation number (six letters and digits, such as ABC123), " +
                "and which seat would you like (such as 12A)?"),
            (null, _) => ScriptedReply.Say("Thanks. What is your confirmation number? It has six letters and digits, such as ABC123."),
            (_, null) => ScriptedReply.Say("Thanks. Which seat would you like? For example 12A."),
            _ => ScriptedReply.Say($"Your seat is {seat} on confirmation number {confirmation}. Is there anything else I can help you with?"),
        };
    }

    private static ScriptedReply HandBackOrSay(ScriptedChatRequest request, string text) =>
        CanHandOff(request, ToTriage) ? ScriptedReply.Call(ToTriage) : ScriptedReply.Say(Fallback(text));

    /// <summary>
    /// The conversation with seat booking starts at the user message that led to the latest
    /// handoff to it; details given before that belong to an earlier request.
    /// </summary>
    private static int SeatBookingScopeStart(IReadOnlyList<ScriptedChatMessage> messages)
    {
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].ToolCalls.Any(c => c.Name == ToSeatBooking))
            {
                for (var j = i; j >= 0; j--)
                {
                    if (messages[j].Role == "user")
                    {
                        return j;
                    }
                }

                return i;
            }
        }

        return 0;
    }

    /// <summary>
    /// Offered, and not already visited while answering the current user message (which would
    /// bounce the conversation between two agents).
    /// </summary>
    private static bool CanHandOff(ScriptedChatRequest request, string function)
    {
        if (!request.ToolNames.Contains(function))
        {
            return false;
        }

        for (var i = request.Messages.Count - 1; i >= 0 && request.Messages[i].Role != "user"; i--)
        {
            if (request.Messages[i].ToolCalls.Any(c => c.Name == function))
            {
                return false;
            }
        }

        return true;
    }

    private static (string, string)? ReadUpdateArguments(string arguments)
    {
        try
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, string>>(arguments);
            return values is not null
                && values.TryGetValue("confirmation_number", out var confirmation)
                && values.TryGetValue("new_seat", out var seat)
                ? (confirmation.ToUpperInvariant(), seat.ToUpperInvariant())
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static bool IsSeatChange(string text)
    {
        var lower = text.ToLowerInvariant();
        return lower.Contains("seat", StringComparison.Ordinal) && SeatChangeWords.Any(w => lower.Contains(w, StringComparison.Ordinal));
    }

    internal static bool IsFaqQuestion(string text)
    {
        var lower = text.ToLowerInvariant();
        return FaqWords.Any(w => lower.Contains(w, StringComparison.Ordinal));
    }

    internal static string? FindConfirmation(string text) =>
        ConfirmationNumber().Matches(text).LastOrDefault()?.Value.ToUpperInvariant();

    internal static string? FindSeat(string text) =>
        SeatNumber().Matches(text).LastOrDefault()?.Value.ToUpperInvariant();

    internal static string Fallback(string userText) =>
        $"{FallbackPrefix} You said: \"{userText}\". Try asking about baggage, the seat map or wifi, or say \"I want to change my seat\".";

    [GeneratedRegex(@"\b(?=\w*[0-9])(?=\w*[A-Za-z])[A-Za-z0-9]{6}\b")]
    private static partial Regex ConfirmationNumber();

    [GeneratedRegex(@"\b([1-9]|[12][0-9]|30)[A-Fa-f]\b")]
    private static partial Regex SeatNumber();

    [GeneratedRegex(@"^\s*(hi|hello|hey|good (morning|afternoon|evening))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Greeting();
}
