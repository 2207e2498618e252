using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Restate.Sdk.Analyzers;

/// <summary>
/// RESTATE003: <c>Random.Shared</c> and an unseeded <c>new Random()</c> in handler code. A seeded
/// <c>new Random(seed)</c> is as deterministic as its seed, and the other rules already check the seed expression.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SystemRandomAnalyzer() : HandlerCodeAnalyzer(DiagnosticDescriptors.SystemRandom)
{
    private protected override void Register(CompilationStartAnalysisContext context, HandlerCode handlerCode)
    {
        if (context.Compilation.GetTypeByMetadataName("System.Random") is not { } random)
        {
            return;
        }

        context.RegisterOperationAction(
            operation =>
            {
                var creation = (IObjectCreationOperation)operation.Operation;
                if (creation.Arguments.Length == 0 && SymbolEqualityComparer.Default.Equals(creation.Type, random))
                {
                    ReportInHandlerCode(operation, handlerCode, "new Random()");
                }
            },
            OperationKind.ObjectCreation);
        context.RegisterOperationAction(
            operation =>
            {
                var property = ((IPropertyReferenceOperation)operation.Operation).Property;
                if (property.Name == "Shared" && SymbolEqualityComparer.Default.Equals(property.ContainingType, random))
                {
                    ReportInHandlerCode(operation, handlerCode, "Random.Shared");
                }
            },
            OperationKind.PropertyReference);
    }
}
