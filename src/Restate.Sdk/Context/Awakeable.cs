namespace Restate.Sdk;

/// <summary>An awakeable: its <see cref="Id"/> goes to the outside world, which resolves it later.</summary>
public sealed record Awakeable<T>(string Id, IDurableFuture<T> Value);
