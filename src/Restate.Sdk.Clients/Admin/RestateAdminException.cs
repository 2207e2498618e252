using System.Net;

namespace Restate.Sdk.Clients;

/// <summary>An error answer of the Restate admin API. <see cref="Exception.Message"/> is the server's message.</summary>
public class RestateAdminException : Exception
{
    /// <summary>An admin API error without details.</summary>
    public RestateAdminException()
        : this("Restate admin API error")
    {
    }

    /// <summary>An admin API error with a message.</summary>
    public RestateAdminException(string message)
        : base(message)
    {
    }

    /// <summary>An admin API error caused by <paramref name="innerException"/>.</summary>
    public RestateAdminException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>An admin API error answer with its HTTP status and the server's error code.</summary>
    public RestateAdminException(string message, HttpStatusCode statusCode, string? restateCode)
        : base(message)
    {
        StatusCode = statusCode;
        RestateCode = restateCode;
    }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The server's error code, e.g. <c>META0003</c> for a deployment that cannot be reached.</summary>
    public string? RestateCode { get; }
}
