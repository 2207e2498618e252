using Microsoft.Extensions.Logging;

namespace Restate.Sdk;

/// <summary>
/// A logger that says nothing while the invocation replays its journal, so a resumed invocation
/// does not log its past again.
/// </summary>
internal sealed class ReplayAwareLogger(ILogger inner, Func<bool> isReplaying) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => !isReplaying() && inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!isReplaying())
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
