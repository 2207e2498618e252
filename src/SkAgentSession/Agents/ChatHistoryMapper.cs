using System.Text.Json;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using ChatToolCall = OpenAI.Chat.ChatToolCall;

namespace SkAgentSession.Agents;

/// <summary>
/// Converts between stored <see cref="SessionItem"/>s and Semantic Kernel's <see cref="ChatHistory"/>.
/// A history rebuilt from the items of a turn makes the same model requests as the live history
/// that produced them:
/// <list type="bullet">
/// <item>an assistant message directly followed by tool calls is the text of that tool-call message;</item>
/// <item>consecutive tool calls and handoffs of one agent are one assistant message, followed by their results in call order;</item>
/// <item>a handoff is the <c>transfer_to_…</c> call with no arguments and its <see cref="HandoffFunctions.Result"/>.</item>
/// </list>
/// </summary>
public static class ChatHistoryMapper
{
    /// <summary>How the summary of older items is introduced to the model.</summary>
    public const string SummaryPrefix = "Summary of the earlier conversation: ";

    /// <summary>Builds the history the model sees: the system prompt, then the items.</summary>
    /// <exception cref="InvalidDataException">The items are not a consistent conversation (a tool call without its result, …).</exception>
    public static ChatHistory ToChatHistory(string systemPrompt, IReadOnlyList<SessionItem> items) => ToChatHistory(systemPrompt, summary: null, items);

    /// <summary>
    /// Builds the history the model sees: the system prompt, the summary of the items that came
    /// before <paramref name="items"/> (if any), then the items.
    /// </summary>
    /// <exception cref="InvalidDataException">The items are not a consistent conversation (a tool call without its result, …).</exception>
    public static ChatHistory ToChatHistory(string systemPrompt, string? summary, IReadOnlyList<SessionItem> items)
    {
        ArgumentNullException.ThrowIfNull(systemPrompt);
        ArgumentNullException.ThrowIfNull(items);

        var history = new ChatHistory();
        history.AddSystemMessage(systemPrompt);
        if (!string.IsNullOrEmpty(summary))
        {
            history.AddSystemMessage(SummaryPrefix + summary);
        }

        var consumedResults = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            switch (items[i])
            {
                case MessageItem { Role: SessionItemRole.User } user:
                    history.AddUserMessage(user.Content);
                    break;

                case MessageItem assistant when i + 1 < items.Count && IsCall(items[i + 1]) && items[i + 1].Agent == assistant.Agent:
                    i = AddCallGroup(history, items, i + 1, assistant.Content, consumedResults) - 1;
                    break;

                case MessageItem assistant:
                    history.AddAssistantMessage(assistant.Content);
                    break;

                case ToolCallItem or HandoffItem:
                    i = AddCallGroup(history, items, i, content: null, consumedResults) - 1;
                    break;

                case ToolResultItem result when consumedResults.Remove(result.CallId):
                    break;

                case TurnStatusItem or ApprovalRequestItem:
                    // How an earlier turn ended, and who approved a call, is for the person reading the
                    // history, not for the model (a call's result says whether it ran).
                    break;

                case ToolResultItem result:
                    throw new InvalidDataException($"Item {i}: tool_result '{result.CallId}' follows no tool_call with that callId.");

                default:
                    throw new InvalidDataException($"Item {i}: unsupported session item {items[i].GetType().Name}.");
            }
        }

        return history;
    }

    /// <summary>
    /// Metadata key under which the OpenAI connector reads an assistant message's tool calls
    /// (<c>IEnumerable&lt;ChatToolCall&gt;</c>) when the message is not its own
    /// <see cref="OpenAIChatMessageContent"/>; covered by the round-trip tests.
    /// </summary>
    private const string OpenAIToolCallsMetadataKey = "ChatResponseMessage.FunctionToolCalls";

    private static ChatToolCall ToOpenAIToolCall(SessionItem call) => call switch
    {
        ToolCallItem tool => ChatToolCall.CreateFunctionToolCall(tool.CallId, tool.Name, BinaryData.FromString(ArgumentsText(tool.Arguments))),
        HandoffItem handoff => ChatToolCall.CreateFunctionToolCall(handoff.CallId, HandoffFunctions.FunctionName(handoff.To), BinaryData.FromString("{}")),
        _ => throw new InvalidOperationException("unreachable"),
    };

    /// <summary>The arguments text as the model wrote it (a JSON string item holds non-JSON text).</summary>
    private static string ArgumentsText(JsonElement arguments) =>
        arguments.ValueKind == JsonValueKind.String ? arguments.GetString() ?? string.Empty : arguments.GetRawText();

    private static bool IsCall(SessionItem item) => item is ToolCallItem or HandoffItem;

    private static int AddCallGroup(ChatHistory history, IReadOnlyList<SessionItem> items, int start, string? content, HashSet<string> consumedResults)
    {
        // One model response: consecutive calls by the same agent. (After a handoff the next
        // response comes from another agent, and the handoff's result is implied, not stored.)
        var end = start;
        while (end < items.Count && IsCall(items[end]) && items[end].Agent == items[start].Agent)
        {
            end++;
        }

        var calls = items.Skip(start).Take(end - start).ToList();

        // The OpenAI connector sends these tool calls as they are, with the arguments text the
        // model wrote; the FunctionCallContent items below describe the same calls to everything else.
        var callMessage = new ChatMessageContent(
            AuthorRole.Assistant,
            content,
            metadata: new Dictionary<string, object?> { [OpenAIToolCallsMetadataKey] = calls.Select(ToOpenAIToolCall).ToList() });
        foreach (var call in calls)
        {
            callMessage.Items.Add(call switch
            {
                ToolCallItem tool => new FunctionCallContent(tool.Name, pluginName: null, tool.CallId, ToKernelArguments(tool)),
                HandoffItem handoff => new FunctionCallContent(HandoffFunctions.FunctionName(handoff.To), pluginName: null, handoff.CallId, new KernelArguments()),
                _ => throw new InvalidOperationException("unreachable"),
            });
        }

        history.Add(callMessage);

        foreach (var call in calls)
        {
            var (name, callId, result) = call switch
            {
                HandoffItem handoff => (HandoffFunctions.FunctionName(handoff.To), handoff.CallId, HandoffFunctions.Result(handoff.To)),
                ToolCallItem tool => (tool.Name, tool.CallId, FindResult(items, end, tool).Result),
                _ => throw new InvalidOperationException("unreachable"),
            };
            if (call is ToolCallItem)
            {
                consumedResults.Add(callId);
            }

            var resultMessage = new ChatMessageContent(AuthorRole.Tool, content: result);
            resultMessage.Items.Add(new FunctionResultContent(name, pluginName: null, callId, result));
            history.Add(resultMessage);
        }

        return end;
    }

    private static ToolResultItem FindResult(IReadOnlyList<SessionItem> items, int from, ToolCallItem call)
    {
        for (var i = from; i < items.Count && items[i] is ToolResultItem or ApprovalRequestItem; i++)
        {
            if (items[i] is ToolResultItem result && result.CallId == call.CallId)
            {
                return result;
            }
        }

        throw new InvalidDataException($"tool_call '{call.CallId}' ({call.Name}) has no tool_result right after its call group.");
    }

    private static KernelArguments? ToKernelArguments(ToolCallItem call)
    {
        if (call.Arguments.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var arguments = new KernelArguments();
        foreach (var property in call.Arguments.EnumerateObject())
        {
            // Kept as JSON so the request carries the value with its original JSON type.
            arguments[property.Name] = property.Value.Clone();
        }

        return arguments;
    }

    /// <summary>The arguments of <paramref name="call"/> as the model wrote them (stored as a tool call's arguments).</summary>
    internal static JsonElement RawArguments(ChatMessageContent message, FunctionCallContent call)
    {
        var raw = (message as OpenAIChatMessageContent)?.ToolCalls
            .FirstOrDefault(t => t.Id == call.Id)?.FunctionArguments.ToString();
        raw ??= call.Arguments is null ? "{}" : JsonSerializer.Serialize(call.Arguments);
        return ParseArguments(raw);
    }

    /// <summary>Arguments text as stored: the JSON object the model wrote, or the text itself as a JSON string.</summary>
    internal static JsonElement ParseArguments(string raw)
    {
        try
        {
            using var document = JsonDocument.Parse(raw);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document.RootElement.Clone();
            }
        }
        catch (JsonException)
        {
            // Not JSON: kept verbatim as a string below.
        }

        return JsonSerializer.SerializeToElement(raw);
    }

    /// <summary>A function result as stored in a tool result.</summary>
    internal static string ResultText(object? result) => result switch
    {
        null => string.Empty,
        string text => text,
        _ => JsonSerializer.Serialize(result, SessionItemJson.Options),
    };
}
