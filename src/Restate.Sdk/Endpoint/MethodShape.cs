namespace Restate.Sdk.Endpoint;

/// <summary>What the signature of a <c>[Handler]</c> method says about how to call it.</summary>
/// <param name="ContextType">The declared context interface (it decides the handler kind).</param>
/// <param name="InputType">The input parameter's type; <c>null</c> without one.</param>
/// <param name="OutputType">The result type of the returned task; <c>null</c> for a plain Task/ValueTask.</param>
/// <param name="ReturnsValueTask">Whether the method returns ValueTask rather than Task.</param>
internal sealed record MethodShape(Type ContextType, Type? InputType, Type? OutputType, bool ReturnsValueTask);
