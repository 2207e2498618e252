namespace Restate.Sdk.Clients;

/// <summary>Whether a send started a new invocation or matched an earlier one with the same idempotency key.</summary>
public enum SendStatus
{
    /// <summary>The send started a new invocation.</summary>
    Accepted,
    /// <summary>An invocation with the same idempotency key was already accepted; this send joined it.</summary>
    PreviouslyAccepted,
}
