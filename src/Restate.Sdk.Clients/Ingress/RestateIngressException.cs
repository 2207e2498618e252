using System.Net;

namespace Restate.Sdk.Clients;

/// <summary>
/// An error answer of the Restate ingress. <see cref="Exception.Message"/> is the server's message as given.
/// </summary>
public class RestateIngressException : Exception
{
    /// <summary>An ingress error without details.</summary>
    public RestateIngressException()
        : this("Restate ingress error")
    {
    }

    /// <summary>An ingress error with a message.</summary>
    public RestateIngressException(string message)
        : base(message)
    {
        Metadata = new Dictionary<string, string>();
    }

    /// <summary>An ingress error caused by <paramref name="innerException"/>.</summary>
    public RestateIngressException(string message, Exception innerException)
        : base(message, innerException)
    {
        Metadata = new Dictionary<string, string>();
    }

    /// <summary>An ingress error answer with its status, Restate error code, source, invocation id and failure metadata.</summary>
    public RestateIngressException(
        string message,
        HttpStatusCode statusCode,
        int? restateCode,
        RestateErrorSource source,
        string? invocationId = null,
        IReadOnlyDictionary<string, string>? metadata = null)
        : base(message)
    {
        StatusCode = statusCode;
        RestateCode = restateCode;
        ErrorSource = source;
        InvocationId = invocationId;
        Metadata = metadata ?? new Dictionary<string, string>();
    }

    /// <summary>The HTTP status of the answer; for invocation failures it equals the failure code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The <c>code</c> of the error body (the terminal failure code for invocation errors).</summary>
    public int? RestateCode { get; }

    /// <summary>Whether the ingress itself refused the request or the invocation failed.</summary>
    public RestateErrorSource ErrorSource { get; }

    /// <summary>The invocation id (<c>x-restate-id</c>), when the answer carried one.</summary>
    public string? InvocationId { get; }

    /// <summary>Metadata attached to a terminal failure.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }
}
