namespace Restate.Sdk.Endpoint;

/// <summary>One handler of a service: what the manifest describes and how to call it.</summary>
/// <param name="Name">The handler name Restate knows.</param>
/// <param name="Kind">Exclusive, shared or workflow (services have shared handlers only).</param>
/// <param name="InputType">The type the input is read as; <c>null</c> for a handler without input.</param>
/// <param name="OutputType">The type of the result; <c>null</c> for a handler without result.</param>
/// <param name="Options">The handler's own options (the service's apply where these are unset).</param>
/// <param name="Invoker">Reads the input, runs the user code and writes the output.</param>
internal sealed record HandlerDefinition(
    string Name,
    HandlerKind Kind,
    Type? InputType,
    Type? OutputType,
    HandlerOptions Options,
    HandlerInvoker Invoker);
