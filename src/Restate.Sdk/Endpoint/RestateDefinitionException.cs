namespace Restate.Sdk;

/// <summary>
/// A service or handler definition that Restate would reject, or that this SDK cannot call:
/// raised at startup, when the service is registered.
/// </summary>
public sealed class RestateDefinitionException : InvalidOperationException
{
    public RestateDefinitionException()
    {
    }

    public RestateDefinitionException(string message)
        : base(message)
    {
    }

    public RestateDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
