namespace Restate.Sdk.Endpoint;

/// <summary>Stands for the missing input or output of a handler in the invoker's type parameters.</summary>
internal readonly struct NoValue
{
}
