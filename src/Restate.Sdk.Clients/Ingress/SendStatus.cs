namespace Restate.Sdk.Clients;

/// <summary>Whether a send started a new invocation or matched an earlier one with the same idempotency key.</summary>
public enum SendStatus
{
    Accepted,
    PreviouslyAccepted,
}
