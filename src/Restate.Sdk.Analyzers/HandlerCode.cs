using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Restate.Sdk.Analyzers;

/// <summary>
/// Decides whether an operation runs as replayed handler code: inside a method, local function or lambda that
/// takes a Restate context, and not inside the action of <c>ctx.Run</c>/<c>ctx.RunAsync</c>, which runs once and
/// has its result journaled.
/// </summary>
internal sealed class HandlerCode(ContextTypes contextTypes)
{
    private static readonly ImmutableHashSet<string> RunMethodNames = ImmutableHashSet.Create("Run", "RunAsync");

    public bool Contains(IOperation operation, ISymbol containingSymbol)
    {
        var takesContext = containingSymbol is IMethodSymbol method && HasContextParameter(method);
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation lambda when IsRunAction(lambda):
                    return false;
                case IAnonymousFunctionOperation lambda:
                    takesContext |= HasContextParameter(lambda.Symbol);
                    break;
                case ILocalFunctionOperation localFunction:
                    takesContext |= HasContextParameter(localFunction.Symbol);
                    break;
            }
        }

        return takesContext;
    }

    private bool HasContextParameter(IMethodSymbol method) => method.Parameters.Any(p => contextTypes.IsContext(p.Type));

    /// <summary>A lambda passed straight to a context's Run or RunAsync as the side effect to journal.</summary>
    private bool IsRunAction(IAnonymousFunctionOperation lambda) =>
        lambda.Parent is IDelegateCreationOperation { Parent: IArgumentOperation argument }
        && argument.Parent is IInvocationOperation invocation
        && RunMethodNames.Contains(invocation.TargetMethod.Name)
        && contextTypes.IsContext(invocation.TargetMethod.ContainingType)
        && argument.Parameter?.Type.TypeKind == TypeKind.Delegate;
}
