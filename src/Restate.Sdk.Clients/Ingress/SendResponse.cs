namespace Restate.Sdk.Clients;

/// <summary>The ingress answer to a one-way send.</summary>
/// <param name="InvocationId">The id of the (new or earlier) invocation.</param>
/// <param name="Status">Whether this send created it.</param>
/// <param name="ExecutionTime">When a delayed invocation is due to start; <c>null</c> for immediate sends.</param>
public sealed record SendResponse(string InvocationId, SendStatus Status, DateTimeOffset? ExecutionTime);
