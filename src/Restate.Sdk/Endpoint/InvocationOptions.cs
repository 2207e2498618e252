namespace Restate.Sdk;

/// <summary>
/// Options that Restate applies to invocations, per service (<see cref="ServiceOptions"/>) or per
/// handler (<see cref="HandlerOptions"/>). Unset values keep the server's defaults; they go to
/// Restate in the discovery manifest.
/// </summary>
public abstract class InvocationOptions
{
    private protected InvocationOptions()
    {
    }

    /// <summary>Documentation shown in the Restate UI and admin API.</summary>
    public string? Documentation { get; set; }

    /// <summary>Free-form metadata shown in the admin API.</summary>
    public IDictionary<string, string> Metadata { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// How long an attempt may go without progress before Restate asks it to suspend.
    /// Raise it for long <c>Run</c> steps.
    /// </summary>
    public TimeSpan? InactivityTimeout { get; set; }

    /// <summary>How long Restate waits for an attempt to suspend before it aborts it.</summary>
    public TimeSpan? AbortTimeout { get; set; }

    /// <summary>How long the result of a call with an idempotency key is kept.</summary>
    public TimeSpan? IdempotencyRetention { get; set; }

    /// <summary>How long the journal of a finished invocation is kept.</summary>
    public TimeSpan? JournalRetention { get; set; }

    /// <summary>When true, state is fetched key by key on demand instead of sent with each attempt.</summary>
    public bool? EnableLazyState { get; set; }

    /// <summary>When true, the handler can only be called from other handlers, not through the ingress.</summary>
    public bool? IngressPrivate { get; set; }

    /// <summary>How Restate retries failing attempts.</summary>
    public InvocationRetryPolicy? RetryPolicy { get; set; }
}
