namespace SkAgentSession.Models;

/// <summary>
/// A chat-completion request failed. <see cref="RetryableModelException"/>: try the turn again
/// later; <see cref="NonRetryableModelException"/>: retrying the same request cannot help.
/// Messages never contain the API key.
/// </summary>
public abstract class ModelCallException : Exception
{
    protected ModelCallException(string message, int? statusCode, Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status the model endpoint answered with, if it answered.</summary>
    public int? StatusCode { get; }

    public abstract bool IsRetryable { get; }
}
