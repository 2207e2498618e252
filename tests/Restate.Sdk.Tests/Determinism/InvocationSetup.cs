using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;

namespace Restate.Sdk.Tests.Determinism;

/// <summary>
/// One handler as the simulated runtime invokes it: a virtual object's exclusive handler, its
/// protocol version, and the object's state before the invocation.
/// </summary>
/// <param name="Handler">The handler; one instance serves every attempt of one simulated invocation.</param>
/// <param name="IsRetryable">Which ErrorMessages are expected transient failures the runtime retries.</param>
internal sealed record InvocationSetup(
    Func<IWorkflowContext, Task<object?>> Handler,
    ServiceProtocolVersion Version,
    Func<ErrorMessage, bool> IsRetryable)
{
    public const string ObjectKey = "key";

    public IReadOnlyDictionary<string, string> InitialState { get; init; } = new Dictionary<string, string>();

    /// <summary>When true, Start carries only part of the state and unknown keys are read lazily.</summary>
    public bool PartialState { get; init; }
}
