using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Restate.Sdk.Analyzers;

/// <summary>
/// RESTATE004: <c>Task.Run</c>, <c>Task.Factory.StartNew</c>, <c>ThreadPool.QueueUserWorkItem</c>,
/// <c>new Thread(...)</c> and <c>Task.Yield</c> in handler code: work outside the journal (or, for
/// <c>Task.Yield</c>, a continuation on the thread pool, outside the invocation's scheduler), in an
/// order no replay can reproduce.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BackgroundWorkAnalyzer() : HandlerCodeAnalyzer(DiagnosticDescriptors.BackgroundWork)
{
    private protected override void Register(CompilationStartAnalysisContext context, HandlerCode handlerCode)
    {
        var compilation = context.Compilation;
        var task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        var taskFactory = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskFactory");
        var genericTaskFactory = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskFactory`1");
        var threadPool = compilation.GetTypeByMetadataName("System.Threading.ThreadPool");
        var thread = compilation.GetTypeByMetadataName("System.Threading.Thread");

        context.RegisterOperationAction(
            operation =>
            {
                var method = ((IInvocationOperation)operation.Operation).TargetMethod;
                var type = method.ContainingType.OriginalDefinition;
                var startsWork = method.Name switch
                {
                    "Run" or "Yield" => Is(type, task),
                    "StartNew" => Is(type, taskFactory) || Is(type, genericTaskFactory),
                    "QueueUserWorkItem" or "UnsafeQueueUserWorkItem" => Is(type, threadPool),
                    _ => false,
                };
                if (startsWork)
                {
                    ReportInHandlerCode(operation, handlerCode, $"{method.ContainingType.Name}.{method.Name}");
                }
            },
            OperationKind.Invocation);
        context.RegisterOperationAction(
            operation =>
            {
                if (Is(((IObjectCreationOperation)operation.Operation).Type, thread))
                {
                    ReportInHandlerCode(operation, handlerCode, "new Thread(...)");
                }
            },
            OperationKind.ObjectCreation);
    }

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
}
