using Microsoft.SemanticKernel;

namespace SkAgentSession.Agents;

/// <summary>
/// The last response of one model call (after the connector ran the calls of the earlier ones):
/// the message to keep in the history, its text, and whether it still asks for calls nobody ran.
/// </summary>
internal sealed record ModelCallAnswer(ChatMessageContent Message, string Text, bool EndsWithCalls);
