using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Restate.Sdk.Analyzers.CodeFixes;

/// <summary>RESTATE001: <c>DateTimeOffset.UtcNow</c> → <c>(await ctx.Now())</c>, <c>DateTime.UtcNow</c> → <c>(await ctx.Now()).UtcDateTime</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CurrentTimeCodeFix))]
[Shared]
public sealed class CurrentTimeCodeFix() : ContextCodeFix(DiagnosticIds.CurrentTime)
{
    private protected override ExpressionFix? CreateFix(FixSite site)
    {
        if (!site.CanAwait || site.Model.GetSymbolInfo(site.Node).Symbol is not IPropertySymbol property)
        {
            return null;
        }

        var now = $"(await {site.ContextName}.Now())";
        var replacement = (property.ContainingType.SpecialType == SpecialType.System_DateTime, property.Name) switch
        {
            (false, _) => now,
            (true, "UtcNow") => now + ".UtcDateTime",
            (true, "Now") => now + ".LocalDateTime",
            (true, "Today") => now + ".LocalDateTime.Date",
            _ => null,
        };
        return replacement is null ? null : ExpressionFix.Parse($"Use 'await {site.ContextName}.Now()'", site.Node, replacement);
    }
}
