namespace Restate.Sdk.Tests.Fuzz;

/// <summary>What the endpoint must answer to a fuzz case.</summary>
internal enum FuzzExpectation
{
    /// <summary>200 and a well-formed frame stream ending in End, Suspension or a protocol ErrorMessage (570/571).</summary>
    InvocationStream,

    /// <summary>200 and a frame stream ending in End or Suspension (a valid journal, however it was cut into chunks).</summary>
    Completed,

    /// <summary>200 and a frame stream ending in an ErrorMessage with code 571 (the input is not a valid journal).</summary>
    ProtocolViolation,

    /// <summary>Status 404: unknown service, handler or route.</summary>
    NotFound,

    /// <summary>Status 405: a known route with the wrong method.</summary>
    MethodNotAllowed,

    /// <summary>Status 415: an unsupported invocation content type or discovery Accept.</summary>
    UnsupportedMediaType,

    /// <summary>200 with a manifest in the highest version the Accept offers (v1 when it offers none).</summary>
    Manifest,

    /// <summary>The client resets the stream; there is no answer, only clean-up to check.</summary>
    Aborted,
}
