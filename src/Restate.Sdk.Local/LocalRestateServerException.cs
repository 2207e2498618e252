namespace Restate.Sdk.Local;

/// <summary>The local restate-server could not be installed, started or reached. Carries the end of its log.</summary>
public class LocalRestateServerException : Exception
{
    public LocalRestateServerException()
        : this("The local restate-server failed.")
    {
    }

    public LocalRestateServerException(string message)
        : base(message)
    {
        LogTail = [];
    }

    public LocalRestateServerException(string message, Exception innerException)
        : base(message, innerException)
    {
        LogTail = [];
    }

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
