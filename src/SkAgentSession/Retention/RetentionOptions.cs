namespace SkAgentSession.Retention;

/// <summary>
/// How long what a session leaves behind is kept (configuration section <c>SkAgentSession</c>):
/// <c>ChatIdempotencyRetention</c>, how long Restate keeps a <c>chat</c> call's result for its
/// idempotency key (24 hours; a repeat after that runs a new turn), and <c>SessionTtl</c>, after
/// how long without a message a session is deleted (off when unset).
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "SkAgentSession";

    public TimeSpan ChatIdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan? SessionTtl { get; set; }

    public void Validate()
    {
        if (ChatIdempotencyRetention <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SectionName}:ChatIdempotencyRetention must be positive (it was {ChatIdempotencyRetention}).");
        }

        if (SessionTtl is { } ttl && ttl <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SectionName}:SessionTtl must be positive, or unset to keep sessions (it was {ttl}).");
        }
    }
}
