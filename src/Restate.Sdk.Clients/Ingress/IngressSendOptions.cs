namespace Restate.Sdk.Clients;

/// <summary>Options of a one-way send through the ingress.</summary>
public sealed record IngressSendOptions : IngressCallOptions
{
    /// <summary>Restate starts the invocation after this delay (it is accepted at once).</summary>
    public TimeSpan? Delay { get; init; }
}
