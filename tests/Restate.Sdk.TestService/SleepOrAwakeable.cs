namespace Restate.Sdk.TestService;

/// <summary>
/// Waits for whichever comes first, a sleep (an hour, or a few seconds) or an awakeable the test resolves. The attempt
/// suspends while it waits (the service's inactivity timeout is short), so the suspension must name both, or the one
/// that completes would not resume it.
/// </summary>
[Service]
public sealed class SleepOrAwakeable(WorkDirectory files)
{
    [Handler]
    public async Task<string> Wait(IContext ctx, int sleepMillis)
    {
        var awakeable = ctx.Awakeable<string>();

        await ctx.Run("publish awakeable id", ct => File.WriteAllTextAsync(files.AwakeableIdFile, awakeable.Id, ct));
        var sleep = ctx.Sleep(TimeSpan.FromMilliseconds(sleepMillis));
        var woken = awakeable.Value.AsTask();
        var first = await Task.WhenAny(sleep, woken);
        return first == woken ? "awakeable: " + await woken : "slept";
    }
}
