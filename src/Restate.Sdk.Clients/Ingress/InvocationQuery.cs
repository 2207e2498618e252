using System.Text.Json.Nodes;

namespace Restate.Sdk.Clients;

/// <summary>
/// Names an existing invocation for attach, output and lookup: by invocation id, by target plus idempotency key,
/// or a workflow run by workflow name plus key.
/// </summary>
public sealed class InvocationQuery
{
    private readonly JsonObject _body;
    private readonly string _description;

    private InvocationQuery(JsonObject body, string description)
    {
        _body = body;
        _description = description;
    }

    /// <summary>The invocation with this id (<c>inv_…</c>).</summary>
    public static InvocationQuery ById(string invocationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(invocationId);
        return new(new JsonObject { ["target"] = "invocation", ["invocationId"] = invocationId }, invocationId);
    }

    /// <summary>The invocation started on <paramref name="target"/> with <paramref name="idempotencyKey"/>.</summary>
    public static InvocationQuery Idempotent(IngressTarget target, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        var body = new JsonObject
        {
            ["target"] = "idempotentInvocation",
            ["service"] = target.Service,
            ["handler"] = target.Handler,
            ["idempotencyKey"] = idempotencyKey,
        };
        if (target.Key is not null)
        {
            body["key"] = target.Key;
        }

        return new(body, $"{target} with idempotency key '{idempotencyKey}'");
    }

    /// <summary>The run of the workflow <paramref name="workflow"/> with <paramref name="key"/>.</summary>
    public static InvocationQuery Workflow(string workflow, string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflow);
        ArgumentException.ThrowIfNullOrEmpty(key);
        return new(
            new JsonObject { ["target"] = "workflow", ["workflowName"] = workflow, ["workflowKey"] = key },
            $"workflow {workflow}/{key}");
    }

    /// <summary>The body of <c>POST /restate/attach|output|lookup</c> (1.7); keys travel in JSON, so any character is safe.</summary>
    internal string ToJson() => _body.ToJsonString();

    /// <inheritdoc />
    public override string ToString() => _description;
}
