namespace Restate.Sdk;

/// <summary>The handler a call or send goes to.</summary>
public sealed record CallTarget(string Service, string Handler, string? Key = null)
{
    public static CallTarget ForService(string service, string handler) => new(service, handler);

    public static CallTarget ForObject(string service, string key, string handler) => new(service, handler, key);

    public static CallTarget ForWorkflow(string service, string key, string handler) => new(service, handler, key);
}
