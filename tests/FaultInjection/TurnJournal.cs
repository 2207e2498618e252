namespace SkAgentSession.FaultInjection;

/// <summary>The durable steps of one turn: the journal of the <c>chat</c> invocation that carried the message's idempotency key.</summary>
internal sealed record TurnJournal(string SessionId, string IdempotencyKey, string InvocationId, IReadOnlyList<JournalStep> Steps)
{
    /// <summary>The steps named as the contract names them, in journal order (the SDK's own runs such as <c>now</c> left out).</summary>
    public IReadOnlyList<JournalStep> ContractSteps => [.. Steps.Where(s => s.Kind != DurableStepKind.Other)];
}
