using Restate.Sdk.Protocol.Messages;
using Restate.Sdk.Tests.StateMachine;

namespace Restate.Sdk.Tests.Determinism;

/// <summary>
/// A handler to check with the <see cref="ReplayOracle"/>, and the output every journal of it must
/// lead to: a function of the journal, because a race's winner is whichever completion the journal
/// has first, while everything else is a function of the program alone.
/// </summary>
/// <param name="NewHandler">A fresh handler for each simulated invocation (its own attempt counters).</param>
internal sealed record DeterminismCase(
    string Name,
    Func<Func<IWorkflowContext, Task<object?>>> NewHandler,
    Func<IReadOnlyList<Frame>, string> ExpectedOutput)
{
    /// <summary>The marker of the failures that a case throws on purpose, which the runtime retries.</summary>
    public const string TransientMarker = "transient";

    public IReadOnlyDictionary<string, string> InitialState { get; init; } = new Dictionary<string, string>();

    public bool PartialState { get; init; }

    public static bool IsTransient(ErrorMessage error) => error.Message.Contains(TransientMarker, StringComparison.Ordinal);

    /// <summary>A case whose output does not depend on the journal.</summary>
    public static DeterminismCase WithOutput(string name, Func<IWorkflowContext, Task<object?>> handler, object output) =>
        new(name, () => handler, _ => Json(output));

    /// <summary>A value as the output of the handler carries it.</summary>
    public static string Json(object value) => System.Text.Encoding.UTF8.GetString(TestJsonSerializer.Instance.Serialize(value, value.GetType()));

    public InvocationSetup SetupFor(Restate.Sdk.Protocol.ServiceProtocolVersion version) =>
        new(NewHandler(), version, IsTransient) { InitialState = InitialState, PartialState = PartialState };
}
