namespace SkAgentSession.Models;

/// <summary>
/// A transient model failure: no answer (connection error, timeout), 408, 409, 429 or a 5xx.
/// The whole agent turn may be retried with backoff.
/// </summary>
public sealed class RetryableModelException : ModelCallException
{
    public RetryableModelException(string message, int? statusCode, Exception? cause)
        : base(message, statusCode, cause)
    {
    }

    public override bool IsRetryable => true;
}
