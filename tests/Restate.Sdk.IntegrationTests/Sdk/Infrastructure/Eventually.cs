using System.Diagnostics;

namespace Restate.Sdk.IntegrationTests.Sdk.Infrastructure;

/// <summary>Polls until a condition holds or a deadline passes, instead of sleeping for a fixed time.</summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Reads <paramref name="read"/> until <paramref name="done"/> accepts the value, and returns that value.</summary>
    /// <exception cref="TimeoutException">The deadline passed; the message names <paramref name="what"/> and the last value.</exception>
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds} s for {what}; the last value was: {Describe(value)}");
            }

            await Task.Delay(Interval);
        }
    }

    /// <inheritdoc cref="Until{T}(Func{Task{T}}, Func{T, bool}, string, TimeSpan?)"/>
    public static Task<T> Until<T>(Func<T> read, Func<T, bool> done, string what, TimeSpan? timeout = null) =>
        Until(() => Task.FromResult(read()), done, what, timeout);

    private static string Describe<T>(T value) =>
        value is System.Collections.IEnumerable list and not string
            ? "[" + string.Join(", ", list.Cast<object?>()) + "]"
            : value?.ToString() ?? "null";
}
