namespace SkAgentSession.FaultInjection;

/// <summary>One message of a conversation (0-based turn), and the idempotency key every re-send of it carries.</summary>
internal sealed record ScriptedMessage(int Turn, string Text, string IdempotencyKey);
