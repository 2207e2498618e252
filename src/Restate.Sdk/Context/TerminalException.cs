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

    /// <summary>
    /// Extra key/value details of the failure, stored with it and returned to callers. Only service
    /// protocol V6 carries them: when the deployment negotiated V5, a failure with metadata (thrown
    /// from a handler or from a <c>Run</c> closure) is never written without it. The attempt fails
    /// instead with error 573 ("failure metadata needs service protocol V6; this deployment negotiated
    /// V5"), and Restate retries it like any other failed attempt. An empty dictionary is fine on V5.
    /// </summary>
    public IReadOnlyDictionary<string, string> Metadata { get; } = new Dictionary<string, string>();
}
