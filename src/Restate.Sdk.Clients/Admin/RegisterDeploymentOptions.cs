namespace Restate.Sdk.Clients;

/// <summary>Options of <see cref="RestateAdminClient.RegisterDeploymentAsync"/>.</summary>
public sealed record RegisterDeploymentOptions
{
    /// <summary>
    /// Replace an existing deployment with the same URI and run discovery again. Without it, registering the same URI
    /// again returns the existing deployment unchanged, so new or changed handlers are not picked up.
    /// Implies <see cref="Breaking"/>.
    /// </summary>
    public bool Force { get; init; }

    /// <summary>Allow schema changes that are incompatible with the previous revision (e.g. a changed service type).</summary>
    public bool Breaking { get; init; }

    /// <summary>Talk to the deployment over HTTP/1.1 instead of HTTP/2 prior knowledge (request/response mode only).</summary>
    public bool UseHttp11 { get; init; }

    /// <summary>Run discovery and report the result without registering anything.</summary>
    public bool DryRun { get; init; }

    /// <summary>Headers Restate adds to every discover and invoke request to the deployment.</summary>
    public IReadOnlyDictionary<string, string>? AdditionalHeaders { get; init; }

    /// <summary>Free-form metadata stored with the deployment.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
