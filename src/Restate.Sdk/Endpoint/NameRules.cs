using System.Text.RegularExpressions;

namespace Restate.Sdk.Endpoint;

/// <summary>The name rules of the endpoint manifest schema and of the server's name checks.</summary>
internal static partial class NameRules
{
    public const string ServiceNamePattern = "^([a-zA-Z]|_[a-zA-Z0-9])[a-zA-Z0-9._-]*$";

    public const string HandlerNamePattern = "^([a-zA-Z]|_[a-zA-Z0-9])[a-zA-Z0-9_]*$";

    /// <summary>Why <paramref name="name"/> cannot be a service name, or <c>null</c> when it can.</summary>
    public static string? ServiceNameProblem(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "the name is empty";
        }

        if (!ServiceNameRegex().IsMatch(name))
        {
            return $"it does not match {ServiceNamePattern} (letters, digits, '.', '_' and '-'; starting with a letter, or '_' and a letter or digit)";
        }

        if (name.StartsWith("restate", StringComparison.OrdinalIgnoreCase) || name.Equals("openapi", StringComparison.OrdinalIgnoreCase))
        {
            return "Restate reserves names starting with 'restate' and the name 'openapi'";
        }

        return null;
    }

    /// <summary>Why <paramref name="name"/> cannot be a handler name, or <c>null</c> when it can.</summary>
    public static string? HandlerNameProblem(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "the name is empty";
        }

        if (!HandlerNameRegex().IsMatch(name))
        {
            return $"it does not match {HandlerNamePattern} (letters, digits and '_', no '.' or '-'; starting with a letter, or '_' and a letter or digit)";
        }

        return null;
    }

    [GeneratedRegex(ServiceNamePattern, RegexOptions.CultureInvariant)]
    private static partial Regex ServiceNameRegex();

    [GeneratedRegex(HandlerNamePattern, RegexOptions.CultureInvariant)]
    private static partial Regex HandlerNameRegex();
}
