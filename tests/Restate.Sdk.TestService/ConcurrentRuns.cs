namespace Restate.Sdk.TestService;

/// <summary>
/// Three runs started together and awaited with <c>Task.WhenAll</c>. Each run's closure logs its start in
/// <see cref="WorkDirectory.RunAttemptLog"/> and its side effect in <see cref="WorkDirectory.SideEffectLog"/>, so the
/// test sees how often each one was attempted and executed.
/// </summary>
[Service]
public sealed class ConcurrentRuns(WorkDirectory files)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    private static readonly SemaphoreSlim AppendLock = new(1, 1);
    private static readonly RunOptions QuickRetry = new() { RetryPolicy = RetryPolicy.FixedDelay(TimeSpan.FromMilliseconds(100)) };

    /// <summary>Run "a" fails its first attempt with a retryable exception; the retry must not repeat "b" or "c".</summary>
    [Handler]
    public async Task<string> AllWithRetry(IContext ctx, string tag)
    {
        var a = ctx.Run("a", ct => FailFirstAttempt("a", tag, ct), QuickRetry);
        var b = ctx.Run("b", ct => Execute("b", tag, ct));
        var c = ctx.Run("c", ct => Execute("c", tag, ct));
        await Task.WhenAll(a, b, c);
        return string.Join(",", await a, await b, await c);
    }

    /// <summary>Run "b" holds until the release file exists, so the test can kill the process while it does.</summary>
    [Handler]
    public async Task<string> AllWithCrash(IContext ctx, string tag)
    {
        var a = ctx.Run("a", ct => Execute("a", tag, ct));
        var b = ctx.Run("b", async ct =>
        {
            await Attempt("b", ct);
            while (!File.Exists(files.ReleaseFlag))
            {
                await Task.Delay(Poll, ct);
            }

            return await SideEffect("b", tag, ct);
        });
        var c = ctx.Run("c", ct => Execute("c", tag, ct));
        await Task.WhenAll(a, b, c);
        return string.Join(",", await a, await b, await c);
    }

    private async Task<string> Execute(string run, string tag, CancellationToken ct)
    {
        await Attempt(run, ct);
        return await SideEffect(run, tag, ct);
    }

    private async Task<string> FailFirstAttempt(string run, string tag, CancellationToken ct)
    {
        await Attempt(run, ct);
        if (!File.Exists(files.FailedOnceMarker))
        {
            await File.WriteAllTextAsync(files.FailedOnceMarker, "", ct);

            // Fail only once the other runs are done, so their results are proposed before this attempt ends
            // (a result lost with the attempt would make them run again, which is allowed but not what is tested).
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
            while (SideEffects().Length < 2 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(Poll, ct);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            throw new IOException($"run {run} fails its first attempt");
        }

        return await SideEffect(run, tag, ct);
    }

    private Task Attempt(string run, CancellationToken ct) => AppendLine(files.RunAttemptLog, run, ct);

    private async Task<string> SideEffect(string run, string tag, CancellationToken ct)
    {
        await AppendLine(files.SideEffectLog, run, ct);
        return run + ":" + tag;
    }

    // The runs append concurrently, and .NET appends by seeking to the end: unserialized, lines get lost.
    private static async Task AppendLine(string path, string line, CancellationToken ct)
    {
        await AppendLock.WaitAsync(ct);
        try
        {
            await File.AppendAllTextAsync(path, line + "\n", ct);
        }
        finally
        {
            AppendLock.Release();
        }
    }

    private string[] SideEffects() => File.Exists(files.SideEffectLog) ? File.ReadAllLines(files.SideEffectLog) : [];
}
