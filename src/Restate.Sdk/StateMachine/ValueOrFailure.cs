namespace Restate.Sdk.StateMachine;

/// <summary>A success value or a terminal failure, as Output, awakeables and promises carry them.</summary>
internal readonly record struct ValueOrFailure(ReadOnlyMemory<byte> Value, TerminalFailure? Failure)
{
    public bool IsFailure => Failure is not null;

    public static ValueOrFailure Success(ReadOnlyMemory<byte> value) => new(value, null);

    public static ValueOrFailure Failed(TerminalFailure failure) => new(default, failure);
}
