using System.Net;

namespace Restate.Sdk.Clients;

/// <summary>An error answer of the Restate admin API. <see cref="Exception.Message"/> is the server's message.</summary>
public class RestateAdminException : Exception
{
    public RestateAdminException()
        : this("Restate admin API error")
    {
    }

    public RestateAdminException(string message)
        : base(message)
    {
    }

    public RestateAdminException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RestateAdminException(string message, HttpStatusCode statusCode, string? restateCode)
        : base(message)
    {
        StatusCode = statusCode;
        RestateCode = restateCode;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The server's error code, e.g. <c>META0003</c> for a deployment that cannot be reached.</summary>
    public string? RestateCode { get; }
}
