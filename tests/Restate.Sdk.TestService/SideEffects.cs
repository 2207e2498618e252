namespace Restate.Sdk.TestService;

/// <summary>
/// A service whose side effect must happen exactly once: it appends a line in a <c>Run</c>, then holds until the
/// test releases it, so the test can kill the process right after the run's result was journaled.
/// </summary>
[Service]
public sealed class SideEffects(WorkDirectory files)
{
    [Handler]
    public async Task<string> AppendOnce(IContext ctx, string tag)
    {
        await ctx.Run("append line", ct => File.AppendAllTextAsync(files.SideEffectLog, tag + "\n", ct));

        // Not journaled on purpose: every attempt that gets here leaves a line, a replay included, and then
        // polls the release flag without journaling, so the test sees each attempt and the journal holds only the run.
#pragma warning disable RESTATE005, RESTATE006 // the non-determinism is what this test service observes
        await File.AppendAllTextAsync(files.AfterRunLog, tag + "\n");
        while (!File.Exists(files.ReleaseFlag))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), ctx.Aborted);
        }
#pragma warning restore RESTATE005, RESTATE006

        return "appended " + tag;
    }
}
