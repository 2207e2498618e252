using SkAgentSession.Agents;
using SkAgentSession.Airline;
using SkAgentSession.Context;
using SkAgentSession.Models;
using SkAgentSession.Tests.Support;

namespace SkAgentSession.Tests.Context;

/// <summary>The summary request, answered by the scripted model over the real OpenAI connector, and what the model sees after it.</summary>
public sealed class HistorySummarizerTests : IDisposable
{
    private readonly ScriptedHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task A_summary_of_a_summary_keeps_counting_what_the_customer_asked()
    {
        var session = new SessionDriver(_harness);
        await session.SendAsync("Is there wifi?");
        await session.SendAsync("How much baggage can I bring?");
        var summarizer = new HistorySummarizer(_harness.ChatService, SecretRedactor.None);

        var first = await summarizer.SummarizeAsync(null, session.Items, CancellationToken.None);
        var second = await summarizer.SummarizeAsync(first, [MessageItem.FromUser(AirlineAgentNames.Triage, "Thanks", _harness.Time.GetUtcNow())], CancellationToken.None);

        Assert.Equal("The customer made 2 requests; the latest: Is there wifi?; How much baggage can I bring?.", first);
        Assert.Equal("The customer made 3 requests; the latest: Is there wifi?; How much baggage can I bring?; Thanks.", second);
    }

    [Fact]
    public void The_transcript_names_who_said_what_and_what_the_tools_did()
    {
        var at = ScriptedHarness.Start;
        SessionItem[] items =
        [
            MessageItem.FromUser("Triage Agent", "Is there wifi?", at),
            new HandoffItem { Agent = "Triage Agent", From = "Triage Agent", To = "FAQ Agent", CallId = "h1", Timestamp = at },
            new ToolCallItem { Agent = "FAQ Agent", CallId = "c1", Name = "faq_lookup", Arguments = System.Text.Json.JsonDocument.Parse("""{"question":"wifi"}""").RootElement, Timestamp = at },
            new ToolResultItem { Agent = "FAQ Agent", CallId = "c1", Name = "faq_lookup", Result = "free", Timestamp = at },
            MessageItem.FromAssistant("FAQ Agent", "It is free.", at),
        ];

        var transcript = HistorySummarizer.Transcript("before", items);

        Assert.Equal(
            "Summary of what came before: before\n\nConversation:\nUser: Is there wifi?\nHanded from Triage Agent to FAQ Agent\n" +
            "Tool call faq_lookup {\"question\":\"wifi\"}\nTool result faq_lookup: free\nAssistant (FAQ Agent): It is free.\n",
            transcript.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_turn_with_a_summary_sends_it_to_the_model_after_the_system_prompt()
    {
        var items = new List<SessionItem> { MessageItem.FromUser(AirlineAgentNames.Triage, "Thanks", _harness.Time.GetUtcNow()) };

        await _harness.Runner.RunTurnAsync(new AgentTurnRequest<AirlineContext>(items, AirlineAgentNames.Triage, new AirlineContext()) { Summary = "The customer made 7 requests" });

        var body = System.Text.Json.JsonDocument.Parse(Assert.Single(_harness.Recorder.Bodies)).RootElement;
        var messages = body.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["system", "system", "user"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal(ChatHistoryMapper.SummaryPrefix + "The customer made 7 requests", messages[1].GetProperty("content").GetString());
    }
}
