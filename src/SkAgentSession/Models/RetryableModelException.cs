namespace SkAgentSession.Models;

/// <summary>
/// A transient model failure: no answer (connection error, timeout), 408, 409, 429 or a 5xx.
/// The whole agent turn may be retried with backoff.
/// </summary>
public sealed class RetryableModelException : ModelCallException
{
    public RetryableModelException(string message, int? statusCode, Exception? innerException)
        : base(message, statusCode, innerException)
    {
    }

    public override bool IsRetryable => true;
}
