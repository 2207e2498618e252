using System.Text;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using SkAgentSession.Agents;
using SkAgentSession.Models;

namespace SkAgentSession.Context;

/// <summary>
/// Folds older items (and the summary before them) into a new summary with one model request.
/// It plays the part of Semantic Kernel's <c>ChatHistorySummarizationReducer</c>, which picks its
/// own cut among chat messages; here the cut must fall on a stored item (a user message, so turns
/// stay whole), and the summary must be made once, in a durable step, and stored.
/// </summary>
public sealed class HistorySummarizer(IChatCompletionService chat, SecretRedactor redactor)
{
    /// <summary>The summary request's system prompt; the scripted demo model recognises it.</summary>
    public const string Instructions =
        "Summarize the earlier part of a customer-service conversation for the assistant that continues it. " +
        "Keep every fact the assistant may need later (names, confirmation numbers, seats, flights, open questions, decisions); " +
        "leave out greetings and small talk. Answer with the summary only.";

    /// <exception cref="RetryableModelException">The model failed transiently.</exception>
    /// <exception cref="NonRetryableModelException">The model endpoint rejected the request.</exception>
    public async Task<string> SummarizeAsync(string? previousSummary, IReadOnlyList<SessionItem> items, CancellationToken cancellationToken)
    {
        var request = new ChatHistory();
        request.AddSystemMessage(Instructions);
        request.AddUserMessage(Transcript(previousSummary, items));
        try
        {
            var answer = await chat.GetChatMessageContentAsync(request, executionSettings: null, kernel: null, cancellationToken).ConfigureAwait(false);
            return answer.Content?.Trim() ?? string.Empty;
        }
        catch (Exception ex) when (ModelErrorClassifier.TryClassify(ex, redactor, cancellationToken, out var classified))
        {
            throw classified;
        }
    }

    /// <summary>The items as plain text lines: who said what, which tool was called and what it answered.</summary>
    public static string Transcript(string? previousSummary, IReadOnlyList<SessionItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var text = new StringBuilder();
        if (!string.IsNullOrEmpty(previousSummary))
        {
            text.Append("Summary of what came before: ").AppendLine(previousSummary).AppendLine();
        }

        text.AppendLine("Conversation:");
        foreach (var item in items)
        {
            var line = item switch
            {
                MessageItem { Role: SessionItemRole.User } user => $"User: {user.Content}",
                MessageItem assistant => $"Assistant ({assistant.Agent}): {assistant.Content}",
                ToolCallItem call => $"Tool call {call.Name} {call.Arguments.GetRawText()}",
                ToolResultItem result => $"Tool result {result.Name}: {result.Result}",
                HandoffItem handoff => $"Handed from {handoff.From} to {handoff.To}",
                _ => null,
            };
            if (line is not null)
            {
                text.AppendLine(line);
            }
        }

        return text.ToString();
    }
}
