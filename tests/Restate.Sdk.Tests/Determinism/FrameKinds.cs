using Restate.Sdk.Protocol.Messages;
using Restate.Sdk.Tests.StateMachine;

namespace Restate.Sdk.Tests.Determinism;

/// <summary>Small questions about frames that the runtime and the oracle both ask.</summary>
internal static class FrameKinds
{
    /// <summary>The output as text: the JSON value, or "failure code: message".</summary>
    public static string OutputText(OutputCommandMessage output) =>
        output.ResultCase == OutputCommandMessage.ResultOneofCase.Value
            ? Frame.Text(output.Value.Content)
            : $"failure {output.Failure.Code}: {output.Failure.Message}";

    public static string? OutputOf(IEnumerable<Frame> journal) =>
        journal.Select(f => f.Message).OfType<OutputCommandMessage>().Select(OutputText).LastOrDefault();
}
