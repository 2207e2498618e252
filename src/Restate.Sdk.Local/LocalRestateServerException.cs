namespace Restate.Sdk.Local;

/// <summary>The local restate-server could not be installed, started or reached. Carries the end of its log.</summary>
public class LocalRestateServerException : Exception
{
    /// <summary>A failure without details.</summary>
    public LocalRestateServerException()
        : this("The local restate-server failed.")
    {
    }

    /// <summary>A failure with a message.</summary>
    public LocalRestateServerException(string message)
        : base(message)
    {
        LogTail = [];
    }

    /// <summary>A failure caused by <paramref name="innerException"/>.</summary>
    public LocalRestateServerException(string message, Exception innerException)
        : base(message, innerException)
    {
        LogTail = [];
    }

    /// <summary>A failure whose message ends with the server's last log lines.</summary>
    public LocalRestateServerException(string message, IReadOnlyList<string> logTail, Exception? innerException = null)
        : base(FormatMessage(message, logTail), innerException)
    {
        LogTail = logTail;
    }

    /// <summary>The last lines the server (or npm) printed before the failure.</summary>
    public IReadOnlyList<string> LogTail { get; }

    private static string FormatMessage(string message, IReadOnlyList<string> logTail) =>
        logTail.Count == 0
            ? message
            : message + Environment.NewLine + "Last log lines:" + Environment.NewLine + string.Join(Environment.NewLine, logTail);
}
