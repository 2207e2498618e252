using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Restate.Sdk.Analyzers.CodeFixes;

/// <summary>
/// The common frame of the fixes: each replaces one flagged expression with a call on the context parameter
/// in scope, and offers nothing where no safe replacement exists.
/// </summary>
public abstract class ContextCodeFix : CodeFixProvider
{
    private protected ContextCodeFix(string diagnosticId) => FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);

    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (FixSite.Find(node, model, context.CancellationToken) is not { } site || CreateFix(site) is not { } fix)
            {
                continue;
            }

            var replacement = fix.Replacement
                .WithTriviaFrom(fix.Target)
                .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
            context.RegisterCodeFix(
                CodeAction.Create(
                    fix.Title,
                    _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(fix.Target, replacement))),
                    equivalenceKey: GetType().Name),
                diagnostic);
        }
    }

    /// <summary>The replacement for the flagged site, or null where the fix would not be obviously right.</summary>
    private protected abstract ExpressionFix? CreateFix(FixSite site);
}
