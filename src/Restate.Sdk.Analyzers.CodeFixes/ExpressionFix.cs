using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Restate.Sdk.Analyzers.CodeFixes;

/// <summary>One fix: replace <see cref="Target"/> (the flagged node or an expression around it) with new code.</summary>
internal sealed class ExpressionFix(string title, SyntaxNode target, ExpressionSyntax replacement)
{
    public string Title { get; } = title;

    public SyntaxNode Target { get; } = target;

    public ExpressionSyntax Replacement { get; } = replacement;

    public static ExpressionFix Parse(string title, SyntaxNode target, string replacement) =>
        new(title, target, SyntaxFactory.ParseExpression(replacement));
}
