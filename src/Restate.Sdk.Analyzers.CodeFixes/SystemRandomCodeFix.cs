using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Restate.Sdk.Analyzers.CodeFixes;

/// <summary>
/// RESTATE003: where a <c>System.Random</c> is used for a single call, e.g. <c>Random.Shared.Next(1, 7)</c>,
/// the call moves to <c>ctx.Random</c> (<c>ctx.Random.NextInt(1, 7)</c>). A Random kept in a variable has no
/// obvious rewrite, so it gets no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SystemRandomCodeFix))]
[Shared]
public sealed class SystemRandomCodeFix() : ContextCodeFix(DiagnosticIds.SystemRandom)
{
    private protected override ExpressionFix? CreateFix(FixSite site)
    {
        if (site.Node.Parent is not MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax call } member
            || member.Expression != site.Node
            || call.Expression != member
            || call.ArgumentList.Arguments.Any(argument => argument.NameColon is not null))
        {
            return null;
        }

        var arguments = call.ArgumentList.Arguments.Select(argument => argument.Expression.ToString()).ToArray();
        var deterministicCall = (member.Name.Identifier.Text, arguments.Length) switch
        {
            ("Next", 0) => "NextInt(0, int.MaxValue)",
            ("Next", 1) => $"NextInt(0, {arguments[0]})",
            ("Next", 2) => $"NextInt({arguments[0]}, {arguments[1]})",
            ("NextInt64", 0) => "NextInt64()",
            ("NextDouble", 0) => "NextDouble()",
            ("NextBytes", 1) => $"NextBytes({arguments[0]})",
            _ => null,
        };
        if (deterministicCall is null)
        {
            return null;
        }

        var replacement = $"{site.ContextName}.Random.{deterministicCall}";
        return ExpressionFix.Parse($"Use '{site.ContextName}.Random'", call, replacement);
    }
}
