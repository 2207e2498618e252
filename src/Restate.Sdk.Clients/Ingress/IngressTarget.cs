namespace Restate.Sdk.Clients;

/// <summary>The handler an ingress call or send goes to. <see cref="Key"/> is set for virtual objects and workflows.</summary>
public sealed record IngressTarget
{
    /// <summary>A target; <paramref name="key"/> is required for virtual objects and workflows and must not be empty.</summary>
    public IngressTarget(string service, string handler, string? key = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(handler);
        if (key is not null && key.Length == 0)
        {
            throw new ArgumentException("A virtual object or workflow key must not be empty.", nameof(key));
        }

        Service = service;
        Handler = handler;
        Key = key;
    }

    /// <summary>The service, virtual object or workflow name.</summary>
    public string Service { get; }

    /// <summary>The handler name.</summary>
    public string Handler { get; }

    /// <summary>The virtual object or workflow key; <c>null</c> for plain services.</summary>
    public string? Key { get; }

    /// <summary>A handler of a plain service.</summary>
    public static IngressTarget ForService(string service, string handler) => new(service, handler);

    /// <summary>A handler of the virtual object with <paramref name="key"/>.</summary>
    public static IngressTarget ForObject(string service, string key, string handler)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(service, handler, key);
    }

    /// <summary>A handler of the workflow with <paramref name="key"/>.</summary>
    public static IngressTarget ForWorkflow(string workflow, string key, string handler)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(workflow, handler, key);
    }

    /// <summary>The path segments after the call/send prefix: <c>{service}[/{key}]/{handler}</c>, each URL-encoded.</summary>
    internal string ToPath()
    {
        var service = Uri.EscapeDataString(Service);
        var handler = Uri.EscapeDataString(Handler);
        return Key is null ? $"{service}/{handler}" : $"{service}/{Uri.EscapeDataString(Key)}/{handler}";
    }

    /// <inheritdoc />
    public override string ToString() => Key is null ? $"{Service}/{Handler}" : $"{Service}/{Key}/{Handler}";
}
