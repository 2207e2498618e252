using System.Collections.Concurrent;

namespace Restate.Sdk.IntegrationTests.Sdk.Infrastructure;

/// <summary>
/// What handlers did, recorded outside the journal, so a test can see attempts and replays that the journal hides:
/// counters (e.g. one tick per handler start), values published for the test (e.g. an awakeable id) and value lists.
/// Thread-safe; one per test environment.
/// </summary>
public sealed class InvocationProbe
{
    private readonly ConcurrentDictionary<string, int> _counters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _published = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _records = new(StringComparer.Ordinal);

    /// <summary>Adds one to the counter <paramref name="name"/> and returns the new value.</summary>
    public int Increment(string name) => _counters.AddOrUpdate(name, 1, (_, count) => count + 1);

    public int Count(string name) => _counters.GetValueOrDefault(name);

    /// <summary>Publishes a value under <paramref name="name"/>; the first value wins (a replay publishes the same again).</summary>
    public void Publish(string name, string value) => Slot(name).TrySetResult(value);

    /// <summary>Waits until a handler has published a value under <paramref name="name"/>.</summary>
    public async Task<string> WaitForAsync(string name, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(15);
        try
        {
            return await Slot(name).Task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No handler published '{name}' within {limit.TotalSeconds} s.");
        }
    }

    /// <summary>Appends a value to the list <paramref name="name"/>.</summary>
    public void Record(string name, string value) => _records.GetOrAdd(name, _ => new ConcurrentQueue<string>()).Enqueue(value);

    public IReadOnlyList<string> Records(string name) => _records.TryGetValue(name, out var values) ? [.. values] : [];

    private TaskCompletionSource<string> Slot(string name) =>
        _published.GetOrAdd(name, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
}
