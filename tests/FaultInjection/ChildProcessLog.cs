namespace SkAgentSession.FaultInjection;

/// <summary>
/// A child process's output, appended line by line to a log file. Safe to write from the process's
/// output and error callbacks at once; lines that arrive after <see cref="Dispose"/> are dropped.
/// </summary>
internal sealed class ChildProcessLog(string path) : IDisposable
{
    private readonly StreamWriter _writer = new(path, append: true) { AutoFlush = true };
    private readonly Lock _gate = new();
    private bool _closed;

    public void WriteLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (!_closed)
            {
                _writer.WriteLine(line);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _closed = true;
            _writer.Dispose();
        }
    }
}
