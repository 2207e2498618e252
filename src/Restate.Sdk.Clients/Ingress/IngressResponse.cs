using System.Net;
using System.Text;
using Restate.Sdk.Clients.Internal;

namespace Restate.Sdk.Clients;

/// <summary>
/// The ingress answer as received, for callers that translate errors themselves.
/// Use <see cref="EnsureSuccess"/> or <see cref="ToException"/> to get the typed error.
/// </summary>
public sealed class IngressResponse
{
    /// <summary>An answer with its status, body and Restate headers.</summary>
    public IngressResponse(
        HttpStatusCode statusCode,
        ReadOnlyMemory<byte> body,
        string? contentType,
        string? invocationId,
        RestateErrorSource? errorSource,
        DateTimeOffset? idempotencyExpires = null)
    {
        StatusCode = statusCode;
        Body = body;
        ContentType = contentType;
        InvocationId = invocationId;
        ErrorSource = errorSource;
        IdempotencyExpires = idempotencyExpires;
    }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The raw body: the handler's output bytes on success, the error JSON otherwise.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The media type of the body, without parameters (<c>null</c> when there is none).</summary>
    public string? ContentType { get; }

    /// <summary>The invocation id from <c>x-restate-id</c>.</summary>
    public string? InvocationId { get; }

    /// <summary>The <c>x-restate-error-source</c> of an error answer; <c>null</c> on success.</summary>
    public RestateErrorSource? ErrorSource { get; }

    /// <summary>Until when Restate keeps the result of an idempotent invocation (<c>idempotency-expires</c>).</summary>
    public DateTimeOffset? IdempotencyExpires { get; }

    /// <summary>True for a 2xx status.</summary>
    public bool IsSuccess => (int)StatusCode is >= 200 and <= 299;

    /// <summary>The body decoded as UTF-8.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    /// <summary>Throws the <see cref="RestateIngressException"/> of an error answer; does nothing on success.</summary>
    public void EnsureSuccess()
    {
        if (!IsSuccess)
        {
            throw ToException();
        }
    }

    /// <summary>The exception that describes this error answer.</summary>
    public RestateIngressException ToException()
    {
        if (IsSuccess)
        {
            throw new InvalidOperationException($"The ingress answered {(int)StatusCode}, which is not an error.");
        }

        return IngressErrorParser.Parse(this);
    }
}
