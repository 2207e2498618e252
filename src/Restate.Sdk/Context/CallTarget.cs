namespace Restate.Sdk;

/// <summary>The handler a call or send goes to.</summary>
public sealed record CallTarget(string Service, string Handler, string? Key = null)
{
    /// <summary>A handler of a plain service.</summary>
    public static CallTarget ForService(string service, string handler) => new(service, handler);

    /// <summary>A handler of the virtual object with <paramref name="key"/>.</summary>
    public static CallTarget ForObject(string service, string key, string handler) => new(service, handler, key);

    /// <summary>A handler of the workflow with <paramref name="key"/>.</summary>
    public static CallTarget ForWorkflow(string service, string key, string handler) => new(service, handler, key);
}
