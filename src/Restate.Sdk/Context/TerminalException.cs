namespace Restate.Sdk;

/// <summary>
/// A failure that Restate must not retry. Thrown from a handler, it ends the invocation with
/// this code and message (the ingress answers with the code as HTTP status).
/// </summary>
public class TerminalException : Exception
{
    public const int DefaultCode = 500;

    public TerminalException()
        : this("Terminal failure")
    {
    }

    public TerminalException(string message)
        : this(message, DefaultCode)
    {
    }

    public TerminalException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = DefaultCode;
    }

    public TerminalException(string message, int code, IReadOnlyDictionary<string, string>? metadata = null)
        : base(message)
    {
        Code = code;
        Metadata = metadata ?? new Dictionary<string, string>();
    }

    public int Code { get; }

    public IReadOnlyDictionary<string, string> Metadata { get; } = new Dictionary<string, string>();
}
