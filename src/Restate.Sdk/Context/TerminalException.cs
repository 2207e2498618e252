namespace Restate.Sdk;

/// <summary>
/// A failure that Restate must not retry. Thrown from a handler, it ends the invocation with
/// this code and message (the ingress answers with the code as HTTP status).
/// </summary>
public class TerminalException : Exception
{
    /// <summary>The code of a terminal failure that names none (500).</summary>
    public const int DefaultCode = 500;

    /// <summary>A terminal failure with the default message and code.</summary>
    public TerminalException()
        : this("Terminal failure")
    {
    }

    /// <summary>A terminal failure with <paramref name="message"/> and the default code.</summary>
    public TerminalException(string message)
        : this(message, DefaultCode)
    {
    }

    /// <summary>A terminal failure caused by <paramref name="innerException"/>, with the default code.</summary>
    public TerminalException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = DefaultCode;
    }

    /// <summary>A terminal failure with a message, a code and optional failure metadata.</summary>
    public TerminalException(string message, int code, IReadOnlyDictionary<string, string>? metadata = null)
        : base(message)
    {
        Code = code;
        Metadata = metadata ?? new Dictionary<string, string>();
    }

    /// <summary>The failure code (the ingress answers with it as HTTP status).</summary>
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
