namespace Restate.Sdk.Clients;

/// <summary>The handler an ingress call or send goes to. <see cref="Key"/> is set for virtual objects and workflows.</summary>
public sealed record IngressTarget
{
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

    public string Service { get; }

    public string Handler { get; }

    public string? Key { get; }

    public static IngressTarget ForService(string service, string handler) => new(service, handler);

    public static IngressTarget ForObject(string service, string key, string handler)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(service, handler, key);
    }

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

    public override string ToString() => Key is null ? $"{Service}/{Handler}" : $"{Service}/{Key}/{Handler}";
}
