using System.ClientModel;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.SemanticKernel;

namespace SkAgentSession.Models;

/// <summary>
/// Sorts what a chat-completion call threw into <see cref="RetryableModelException"/> or
/// <see cref="NonRetryableModelException"/>. The OpenAI connector reports HTTP failures as
/// <see cref="HttpOperationException"/> (status code null when no response arrived) and an
/// <c>HttpClient</c> timeout as a <see cref="TaskCanceledException"/>; a streamed request's
/// failure surfaces while the stream is read, as the OpenAI client's <see cref="ClientResultException"/>
/// (status 0 when no response arrived).
/// </summary>
public static class ModelErrorClassifier
{
    /// <summary>
    /// Classifies <paramref name="exception"/>; false for exceptions that are not model-call
    /// failures (including cancellation requested through <paramref name="cancellationToken"/>).
    /// </summary>
    public static bool TryClassify(
        Exception exception,
        SecretRedactor redactor,
        CancellationToken cancellationToken,
        [NotNullWhen(true)] out ModelCallException? classified)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(redactor);

        classified = exception switch
        {
            ModelCallException already => already,
            OperationCanceledException when cancellationToken.IsCancellationRequested => null,
            OperationCanceledException timeout => new RetryableModelException(
                "The model request timed out.", null, timeout),
            HttpOperationException { StatusCode: null } http => new RetryableModelException(
                $"The model endpoint could not be reached: {redactor.Redact(http.Message)}", null, http),
            HttpOperationException { StatusCode: { } status } http => FromStatus(status, http.ResponseContent ?? http.Message, http, redactor),
            ClientResultException { Status: 0 } client => new RetryableModelException(
                $"The model endpoint could not be reached: {redactor.Redact(client.Message)}", null, client),
            ClientResultException client => FromStatus((HttpStatusCode)client.Status, ResponseText(client), client, redactor),
            HttpRequestException or IOException or TimeoutException => new RetryableModelException(
                $"The model endpoint could not be reached: {redactor.Redact(exception.Message)}", null, exception),
            _ => null,
        };
        return classified is not null;
    }

    /// <summary>Whether an HTTP status from the model endpoint is worth retrying.</summary>
    public static bool IsRetryableStatus(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests
        || (int)status >= 500;

    private static string ResponseText(ClientResultException client)
    {
        try
        {
            return client.GetRawResponse()?.Content.ToString() ?? client.Message;
        }
        catch (InvalidOperationException)
        {
            // The body was not buffered.
            return client.Message;
        }
    }

    private static ModelCallException FromStatus(HttpStatusCode status, string responseText, Exception failure, SecretRedactor redactor)
    {
        var code = (int)status;
        var detail = redactor.Redact(responseText);
        if (IsRetryableStatus(status))
        {
            return new RetryableModelException($"The model endpoint answered HTTP {code}: {detail}", code, failure);
        }

        var hint = status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => " Check OPENAI_API_KEY.",
            HttpStatusCode.NotFound => " Check OPENAI_MODEL and that OPENAI_BASE_URL ends with /v1.",
            _ => string.Empty,
        };
        return new NonRetryableModelException($"The model endpoint rejected the request with HTTP {code}: {detail}{hint}", code, failure);
    }
}
