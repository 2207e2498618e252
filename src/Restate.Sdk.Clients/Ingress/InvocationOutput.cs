namespace Restate.Sdk.Clients;

/// <summary>
/// The result of asking for an invocation's output without waiting: either its value, or "not ready"
/// because the invocation has not finished yet.
/// </summary>
public sealed class InvocationOutput<T>
{
    private readonly T? _value;

    /// <summary>An output that is not ready yet.</summary>
    internal InvocationOutput()
    {
    }

    /// <summary>A ready output.</summary>
    internal InvocationOutput(T? value, string? invocationId)
    {
        IsReady = true;
        _value = value;
        InvocationId = invocationId;
    }

    /// <summary>True when the invocation has finished successfully and <see cref="Value"/> holds its output.</summary>
    public bool IsReady { get; }

    /// <summary>The invocation id, when the ingress gave it.</summary>
    public string? InvocationId { get; }

    /// <summary>The output. Reading it while <see cref="IsReady"/> is false throws.</summary>
    public T? Value => IsReady
        ? _value
        : throw new InvalidOperationException("The invocation has not completed yet; check IsReady before reading Value.");

    /// <inheritdoc />
    public override string ToString() => IsReady ? $"Ready({_value})" : "NotReady";
}
