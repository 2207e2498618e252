namespace Restate.Sdk.Bench.Load;

/// <summary>A benchmark call that did not give the expected answer; the run fails rather than count it.</summary>
internal sealed class BenchCallException(string message) : Exception(message);
