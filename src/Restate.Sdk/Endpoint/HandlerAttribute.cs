namespace Restate.Sdk;

/// <summary>
/// Marks a method as a Restate handler. Its kind follows the type of its context parameter, and its
/// name defaults to the camelCase method name.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class HandlerAttribute : Attribute
{
    /// <summary>The handler name Restate knows; defaults to the camelCase method name.</summary>
    public string? Name { get; set; }

    /// <summary>Documentation shown in the Restate UI and admin API.</summary>
    public string? Documentation { get; set; }
}
