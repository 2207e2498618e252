namespace Restate.Sdk.StateMachine;

/// <summary>The invocation to attach to or read the output of: by id, by workflow key, or by idempotency key.</summary>
internal sealed record AttachTarget
{
    private AttachTarget()
    {
    }

    public string? InvocationId { get; private init; }

    public string? WorkflowName { get; private init; }

    public string? WorkflowKey { get; private init; }

    public string? ServiceName { get; private init; }

    public string? ServiceKey { get; private init; }

    public string? HandlerName { get; private init; }

    public string? IdempotencyKey { get; private init; }

    public static AttachTarget ForInvocation(string invocationId) => new() { InvocationId = invocationId };

    public static AttachTarget ForWorkflow(string name, string key) => new() { WorkflowName = name, WorkflowKey = key };

    public static AttachTarget ForIdempotencyKey(string service, string? key, string handler, string idempotencyKey) =>
        new() { ServiceName = service, ServiceKey = key, HandlerName = handler, IdempotencyKey = idempotencyKey };
}
