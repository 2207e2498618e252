using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Restate.Sdk.Analyzers.CodeFixes;

/// <summary>
/// RESTATE005: <c>Task.Delay(d)</c> → <c>ctx.Sleep(d)</c>, and in async code <c>Thread.Sleep(d)</c> →
/// <c>await ctx.Sleep(d)</c>. Delays with a cancellation token get no fix: <c>ctx.Sleep</c> takes none, and
/// dropping the token would change what the code waits for.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DelayCodeFix))]
[Shared]
public sealed class DelayCodeFix() : ContextCodeFix(DiagnosticIds.Delay)
{
    private protected override ExpressionFix? CreateFix(FixSite site)
    {
        if (site.Node is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } call
            || site.Model.GetSymbolInfo(call).Symbol is not IMethodSymbol { Parameters.Length: 1 } method)
        {
            return null;
        }

        var argument = call.ArgumentList.Arguments[0].Expression;
        var duration = method.Parameters[0].Type.SpecialType == SpecialType.System_Int32
            ? $"{TimeSpanName(site, call)}.FromMilliseconds({argument})"
            : argument.ToString();
        var sleep = $"{site.ContextName}.Sleep({duration})";
        return method.Name switch
        {
            "Delay" => ExpressionFix.Parse($"Use '{site.ContextName}.Sleep'", site.Node, sleep),
            "Sleep" when site.CanAwait => ExpressionFix.Parse($"Use 'await {site.ContextName}.Sleep'", site.Node, "await " + sleep),
            _ => null,
        };
    }

    /// <summary><c>TimeSpan</c> where <c>using System</c> makes it mean System.TimeSpan, else the qualified name.</summary>
    private static string TimeSpanName(FixSite site, SyntaxNode position)
    {
        var timeSpan = site.Model.Compilation.GetTypeByMetadataName("System.TimeSpan");
        var visible = site.Model.LookupNamespacesAndTypes(position.SpanStart, name: "TimeSpan");
        return visible.Length == 1 && SymbolEqualityComparer.Default.Equals(visible[0], timeSpan) ? "TimeSpan" : "global::System.TimeSpan";
    }
}
