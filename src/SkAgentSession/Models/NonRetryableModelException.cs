namespace SkAgentSession.Models;

/// <summary>
/// The model endpoint rejected the request (a 4xx other than 408/409/429: bad API key, unknown
/// model, wrong base URL, invalid request). Retrying cannot help; end the turn with an error.
/// </summary>
public sealed class NonRetryableModelException : ModelCallException
{
    public NonRetryableModelException(string message, int? statusCode, Exception? cause)
        : base(message, statusCode, cause)
    {
    }

    public override bool IsRetryable => false;
}
