using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Restate.Sdk.Analyzers;

/// <summary>RESTATE005: <c>Thread.Sleep</c> and <c>Task.Delay</c> in handler code, where <c>ctx.Sleep</c> is durable.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DelayAnalyzer() : HandlerCodeAnalyzer(DiagnosticDescriptors.Delay)
{
    private protected override void Register(CompilationStartAnalysisContext context, HandlerCode handlerCode)
    {
        var task = context.Compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        var thread = context.Compilation.GetTypeByMetadataName("System.Threading.Thread");

        context.RegisterOperationAction(
            operation =>
            {
                var method = ((IInvocationOperation)operation.Operation).TargetMethod;
                var isDelay = method.Name switch
                {
                    "Delay" => SymbolEqualityComparer.Default.Equals(method.ContainingType, task),
                    "Sleep" => SymbolEqualityComparer.Default.Equals(method.ContainingType, thread),
                    _ => false,
                };
                if (isDelay)
                {
                    ReportInHandlerCode(operation, handlerCode, $"{method.ContainingType.Name}.{method.Name}");
                }
            },
            OperationKind.Invocation);
    }
}
