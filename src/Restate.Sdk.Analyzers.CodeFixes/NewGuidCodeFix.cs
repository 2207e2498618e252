using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Restate.Sdk.Analyzers.CodeFixes;

/// <summary>RESTATE002: <c>Guid.NewGuid()</c> → <c>ctx.Random.NextGuid()</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NewGuidCodeFix))]
[Shared]
public sealed class NewGuidCodeFix() : ContextCodeFix(DiagnosticIds.NewGuid)
{
    private protected override ExpressionFix? CreateFix(FixSite site)
    {
        var replacement = $"{site.ContextName}.Random.NextGuid()";
        return ExpressionFix.Parse($"Use '{replacement}'", site.Node, replacement);
    }
}
