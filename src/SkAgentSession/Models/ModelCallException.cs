namespace SkAgentSession.Models;

/// <summary>
/// A chat-completion request failed. <see cref="RetryableModelException"/>: try the turn again
/// later; <see cref="NonRetryableModelException"/>: retrying the same request cannot help.
/// Messages never contain the API key. The failure it stands for is not kept as the inner
/// exception: that one's message and response body may hold the key (an error body that echoes it),
/// and <see cref="Exception.ToString"/> — what logs and Restate's failure record show — would carry
/// it out of the process. Only its type is kept (<see cref="CauseType"/>).
/// </summary>
public abstract class ModelCallException : Exception
{
    protected ModelCallException(string message, int? statusCode, Exception? cause)
        : base(message)
    {
        StatusCode = statusCode;
        CauseType = cause?.GetType().FullName;
    }

    /// <summary>The type of the exception the model call failed with, if any.</summary>
    public string? CauseType { get; }

    /// <summary>The HTTP status the model endpoint answered with, if it answered.</summary>
    public int? StatusCode { get; }

    public abstract bool IsRetryable { get; }
}
