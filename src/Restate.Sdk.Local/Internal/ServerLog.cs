using Microsoft.Extensions.Logging;

namespace Restate.Sdk.Local.Internal;

/// <summary>
/// Where the server's stdout and stderr go: appended to the log file, kept as an in-memory tail, and forwarded to the
/// logger (warnings and errors at their level, the rest at Debug).
/// </summary>
internal sealed class ServerLog : IDisposable
{
    private readonly StreamWriter _file;
    private readonly LogTail _tail;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private bool _disposed;

    public ServerLog(string path, int tailLines, ILogger logger)
    {
        Path = path;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        _file = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        _tail = new LogTail(tailLines);
        _logger = logger;
    }

    public string Path { get; }

    public IReadOnlyList<string> Tail => _tail.Snapshot();

    /// <summary>A line of our own (start, stop, restart), marked so it is not mistaken for server output.</summary>
    public void Note(string message) => Write($"---- {DateTimeOffset.UtcNow:O} {message}", fromServer: false);

    public void WriteServerLine(string? line)
    {
        if (line is not null)
        {
            Write(line, fromServer: true);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _file.Dispose();
        }
    }

    private void Write(string line, bool fromServer)
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _file.WriteLine(line);
            }
        }

        _tail.Add(line);
        if (fromServer)
        {
            _logger.Log(LevelOf(line), "restate-server: {Line}", line);
        }
    }

    /// <summary>Compact log lines read "&lt;timestamp&gt; &lt;LEVEL&gt; &lt;target&gt;: message".</summary>
    private static LogLevel LevelOf(string line)
    {
        // The startup update check cannot reach the internet here; that ERROR is expected and harmless.
        if (line.Contains(" octocrab", StringComparison.Ordinal))
        {
            return LogLevel.Debug;
        }

        if (line.Contains(" ERROR ", StringComparison.Ordinal) || line.StartsWith("Failed:", StringComparison.Ordinal))
        {
            return LogLevel.Error;
        }

        return line.Contains(" WARN ", StringComparison.Ordinal) ? LogLevel.Warning : LogLevel.Debug;
    }
}
