using Microsoft.Extensions.Logging;

namespace Restate.Sdk;

/// <summary>The SDK's own log messages.</summary>
internal static class LoggerExtensions
{
    public static void LogRunFailure(this ILogger logger, Exception exception, string runName) =>
        logger.LogWarning(exception, "Run '{RunName}' failed; Restate decides about a retry from its retry policy.", runName);
}
