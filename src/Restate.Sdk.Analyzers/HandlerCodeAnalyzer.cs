using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Restate.Sdk.Analyzers;

/// <summary>
/// The common frame of the rules: it runs only in compilations that reference the Restate SDK, and each rule
/// reports only what <see cref="HandlerCode"/> says is replayed handler code.
/// </summary>
public abstract class HandlerCodeAnalyzer : DiagnosticAnalyzer
{
    private protected HandlerCodeAnalyzer(DiagnosticDescriptor rule)
    {
        Rule = rule;
        SupportedDiagnostics = ImmutableArray.Create(rule);
    }

    private protected DiagnosticDescriptor Rule { get; }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (ContextTypes.From(start.Compilation) is { } contextTypes)
            {
                Register(start, new HandlerCode(contextTypes));
            }
        });
    }

    private protected abstract void Register(CompilationStartAnalysisContext context, HandlerCode handlerCode);

    private protected void ReportInHandlerCode(OperationAnalysisContext context, HandlerCode handlerCode, string apiName)
    {
        if (handlerCode.Contains(context.Operation, context.ContainingSymbol))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), apiName));
        }
    }
}
