using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Restate.Sdk.Tests.Fuzz;

/// <summary>
/// Keeps the errors ASP.NET Core and Kestrel log (an unhandled exception in the endpoint shows up
/// there); other entries are only counted, so recording them does not itself grow memory.
/// </summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private long _otherEntries;

    public ConcurrentQueue<string> ServerErrors { get; } = new();

    public long OtherEntries => Interlocked.Read(ref _otherEntries);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, RecordingLoggerProvider provider) : ILogger
    {
        private readonly bool _isServer = category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (_isServer && logLevel >= LogLevel.Error)
            {
                provider.ServerErrors.Enqueue($"{category}: {formatter(state, exception)} {exception}");
            }
            else if (IsEnabled(logLevel))
            {
                Interlocked.Increment(ref provider._otherEntries);
            }
        }
    }
}
