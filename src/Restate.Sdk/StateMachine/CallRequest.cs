namespace Restate.Sdk.StateMachine;

/// <summary>The target and payload of a call or one-way send.</summary>
internal sealed record CallRequest(
    string Service,
    string Handler,
    string? Key,
    ReadOnlyMemory<byte> Parameter,
    IReadOnlyDictionary<string, string>? Headers = null,
    string? IdempotencyKey = null,
    string Name = "");
