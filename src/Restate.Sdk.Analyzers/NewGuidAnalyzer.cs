using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Restate.Sdk.Analyzers;

/// <summary>RESTATE002: <c>Guid.NewGuid()</c> in handler code.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NewGuidAnalyzer() : HandlerCodeAnalyzer(DiagnosticDescriptors.NewGuid)
{
    private protected override void Register(CompilationStartAnalysisContext context, HandlerCode handlerCode)
    {
        if (context.Compilation.GetTypeByMetadataName("System.Guid") is not { } guid)
        {
            return;
        }

        context.RegisterOperationAction(
            operation =>
            {
                var method = ((IInvocationOperation)operation.Operation).TargetMethod;
                if (method.Name == nameof(System.Guid.NewGuid) && SymbolEqualityComparer.Default.Equals(method.ContainingType, guid))
                {
                    ReportInHandlerCode(operation, handlerCode, "Guid.NewGuid()");
                }
            },
            OperationKind.Invocation);
    }
}
