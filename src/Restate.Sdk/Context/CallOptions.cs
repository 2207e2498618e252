namespace Restate.Sdk;

/// <summary>Options of a call.</summary>
public record CallOptions
{
    /// <summary>Makes the callee run once for this key, however often the call is made.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Extra headers for the callee.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>A display name of the call in the journal.</summary>
    public string? Name { get; init; }
}

/// <summary>Options of a one-way send.</summary>
public sealed record SendOptions : CallOptions
{
    /// <summary>Delivers the message after this delay.</summary>
    public TimeSpan? Delay { get; init; }
}
