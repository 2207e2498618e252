namespace Restate.Sdk.StateMachine;

/// <summary>The result a notification carries (or an eager state read produced inline).</summary>
internal sealed class NotificationResult
{
    private NotificationResult(NotificationResultKind kind)
    {
        Kind = kind;
    }

    public NotificationResultKind Kind { get; }

    public ReadOnlyMemory<byte> Value { get; private init; }

    public TerminalFailure? Failure { get; private init; }

    public string? InvocationId { get; private init; }

    public IReadOnlyList<string>? StateKeys { get; private init; }

    public bool IsFailure => Kind == NotificationResultKind.Failure;

    public static NotificationResult Void { get; } = new(NotificationResultKind.Void);

    public static NotificationResult FromValue(ReadOnlyMemory<byte> value) =>
        new(NotificationResultKind.Value) { Value = value };

    public static NotificationResult FromFailure(TerminalFailure failure) =>
        new(NotificationResultKind.Failure) { Failure = failure };

    public static NotificationResult FromInvocationId(string invocationId) =>
        new(NotificationResultKind.InvocationId) { InvocationId = invocationId };

    public static NotificationResult FromStateKeys(IReadOnlyList<string> keys) =>
        new(NotificationResultKind.StateKeys) { StateKeys = keys };

    /// <summary>Throws the failure as a <see cref="TerminalException"/>, if this is one.</summary>
    public NotificationResult ThrowIfFailure()
    {
        if (Failure is not null)
        {
            throw Failure.ToException();
        }

        return this;
    }
}

internal enum NotificationResultKind
{
    Void,
    Value,
    Failure,
    InvocationId,
    StateKeys,
}
