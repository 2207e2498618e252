namespace Restate.Sdk.Clients;

/// <summary>Who produced an ingress error (header <c>x-restate-error-source</c>).</summary>
public enum RestateErrorSource
{
    /// <summary>The source was not given.</summary>
    Unknown,

    /// <summary>The ingress itself: unknown service, bad input, bad id, not ready, ...</summary>
    Ingress,

    /// <summary>The invocation ended with a terminal failure (the handler's error code and message).</summary>
    Invocation,
}
