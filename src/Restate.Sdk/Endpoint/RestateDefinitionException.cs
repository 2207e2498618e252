namespace Restate.Sdk;

/// <summary>
/// A service or handler definition that Restate would reject, or that this SDK cannot call:
/// raised at startup, when the service is registered.
/// </summary>
public sealed class RestateDefinitionException : InvalidOperationException
{
    /// <summary>A definition error without details.</summary>
    public RestateDefinitionException()
    {
    }

    /// <summary>A definition error with a message.</summary>
    public RestateDefinitionException(string message)
        : base(message)
    {
    }

    /// <summary>A definition error caused by <paramref name="innerException"/>.</summary>
    public RestateDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
