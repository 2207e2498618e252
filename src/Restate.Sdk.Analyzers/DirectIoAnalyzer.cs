using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Restate.Sdk.Analyzers;

/// <summary>
/// RESTATE006: I/O (HTTP, files, sockets, databases; see <see cref="DirectIoApis"/>) in handler code outside
/// <c>ctx.Run</c>, where it is repeated on every replay and its result is not journaled.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DirectIoAnalyzer() : HandlerCodeAnalyzer(DiagnosticDescriptors.DirectIo)
{
    private protected override void Register(CompilationStartAnalysisContext context, HandlerCode handlerCode)
    {
        var ioApis = new DirectIoApis(context.Compilation);
        context.RegisterOperationAction(
            operation =>
            {
                var method = ((IInvocationOperation)operation.Operation).TargetMethod;
                if (ioApis.IsIoCall(method))
                {
                    ReportInHandlerCode(operation, handlerCode, $"{method.ContainingType.Name}.{method.Name}");
                }
            },
            OperationKind.Invocation);
        context.RegisterOperationAction(
            operation =>
            {
                var type = ((IObjectCreationOperation)operation.Operation).Type;
                if (ioApis.IsIoCreation(type))
                {
                    ReportInHandlerCode(operation, handlerCode, $"new {type!.Name}(...)");
                }
            },
            OperationKind.ObjectCreation);
    }
}
