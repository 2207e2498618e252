using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Restate.Sdk.Analyzers.CodeFixes;

/// <summary>
/// Where a diagnostic was reported: the flagged node, the name of the context parameter in scope there and
/// whether the innermost enclosing function is async (so a fix may insert <c>await</c>).
/// </summary>
internal sealed class FixSite(SyntaxNode node, SemanticModel model, string contextName, bool canAwait)
{
    public SyntaxNode Node { get; } = node;

    public SemanticModel Model { get; } = model;

    /// <summary>The context parameter as written in source, so an escaped name such as <c>@ctx</c> stays valid.</summary>
    public string ContextName { get; } = contextName;

    public bool CanAwait { get; } = canAwait;

    public static FixSite? Find(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        if (ContextTypes.From(model.Compilation) is not { } contextTypes)
        {
            return null;
        }

        var functions = node.Ancestors().Where(IsFunction).ToList();
        foreach (var function in functions)
        {
            var method = function is AnonymousFunctionExpressionSyntax
                ? model.GetSymbolInfo(function, cancellationToken).Symbol as IMethodSymbol
                : model.GetDeclaredSymbol(function, cancellationToken) as IMethodSymbol;
            var context = method?.Parameters.FirstOrDefault(p => contextTypes.IsContext(p.Type));
            if (context?.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is ParameterSyntax parameter)
            {
                return new FixSite(node, model, parameter.Identifier.Text, IsAsync(functions[0]));
            }
        }

        return null;
    }

    private static bool IsFunction(SyntaxNode node) =>
        node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax;

    private static bool IsAsync(SyntaxNode function) => function switch
    {
        AnonymousFunctionExpressionSyntax lambda => lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword),
        LocalFunctionStatementSyntax local => local.Modifiers.Any(SyntaxKind.AsyncKeyword),
        BaseMethodDeclarationSyntax method => method.Modifiers.Any(SyntaxKind.AsyncKeyword),
        _ => false,
    };
}
