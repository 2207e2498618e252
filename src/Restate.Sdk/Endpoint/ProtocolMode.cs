namespace Restate.Sdk;

/// <summary>How Restate talks to this endpoint; announced in the discovery manifest.</summary>
public enum ProtocolMode
{
    /// <summary>HTTP/2 (h2c) with both directions open: the endpoint gets results as they happen.</summary>
    BidiStream,

    /// <summary>
    /// One request, one response (HTTP/1.1 works; register with <c>use_http_11: true</c>): every await
    /// that is not ready suspends and Restate invokes again with the result.
    /// </summary>
    RequestResponse,
}
