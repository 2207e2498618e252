namespace Restate.Sdk.Protocol;

/// <summary>
/// A failure of the invocation protocol itself: a journal mismatch (570), a protocol violation (571),
/// or another retryable error the state machine reports to the runtime in an <c>ErrorMessage</c>.
/// </summary>
internal sealed class ProtocolException : Exception
{
    public ProtocolException(int code, string message)
        : base(message)
    {
        Code = code;
    }

    public ProtocolException(int code, string message, Exception innerException)
        : base(message, innerException)
    {
        Code = code;
    }

    public int Code { get; }

    public static ProtocolException Violation(string message) => new(ErrorCodes.ProtocolViolation, message);

    public static ProtocolException Mismatch(string message) => new(ErrorCodes.JournalMismatch, message);

    public static ProtocolException Unsupported(string message) => new(ErrorCodes.UnsupportedFeature, message);
}
