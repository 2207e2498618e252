using Restate.Sdk.Tests.StateMachine;

namespace Restate.Sdk.Tests.Determinism;

/// <summary>Replaying a finished journal whole: every entry is sent up front, nothing is owed.</summary>
internal sealed partial class SimulatedRuntime
{
    /// <summary>Sends the whole journal and reads until the attempt ends.</summary>
    /// <returns>What the SDK wrote, and what the handler returned (null when it did not return).</returns>
    public async Task<(IReadOnlyList<Frame> Frames, object? Returned)> ReplayWholeJournalAsync()
    {
        object? returned = null;
        var harness = StartAttempt(requestResponse: false, r => returned = r);
        await harness.SendAsync([StartFrame(), .. _journal]);
        var frames = await harness.ReadUntilTerminalAsync();
        await harness.FinishAsync();
        return (frames, returned);
    }
}
