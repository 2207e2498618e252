using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Restate.Sdk.Analyzers;

/// <summary>
/// Decides whether an operation runs as replayed handler code: inside a method, local function or lambda that
/// takes a Restate context, and not inside the action of <c>ctx.Run</c>/<c>ctx.RunAsync</c>, which runs once and
/// has its result journaled. A local function that is only ever used as (or called from) a Run action counts as
/// part of that action.
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
                case IAnonymousFunctionOperation lambda when IsRunAction(lambda.Parent):
                    return false;
                case IAnonymousFunctionOperation lambda:
                    takesContext |= HasContextParameter(lambda.Symbol);
                    break;
                case ILocalFunctionOperation localFunction when HasContextParameter(localFunction.Symbol):
                    takesContext = true;
                    break;
                case ILocalFunctionOperation localFunction when IsUsedOnlyInRunActions(localFunction):
                    return false;
            }
        }

        return takesContext;
    }

    private bool HasContextParameter(IMethodSymbol method) => method.Parameters.Any(p => contextTypes.IsContext(p.Type));

    /// <summary>A delegate passed straight to a context's Run or RunAsync as the side effect to journal.</summary>
    private bool IsRunAction(IOperation? delegateCreation) =>
        delegateCreation is IDelegateCreationOperation { Parent: IArgumentOperation argument }
        && argument.Parent is IInvocationOperation invocation
        && RunMethodNames.Contains(invocation.TargetMethod.Name)
        && contextTypes.IsContext(invocation.TargetMethod.ContainingType)
        && argument.Parameter?.Type.TypeKind == TypeKind.Delegate;

    /// <summary>
    /// True when every use of the local function outside its own body is a Run action (<c>ctx.Run("x", Fetch)</c>)
    /// or sits inside one (<c>ctx.Run("x", ct => Fetch(ct))</c>). An unused local function stays handler code.
    /// </summary>
    private bool IsUsedOnlyInRunActions(ILocalFunctionOperation localFunction)
    {
        IOperation root = localFunction;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        var uses = root.Descendants()
            .Where(use => IsUseOf(use, localFunction.Symbol) && !IsInside(use, localFunction))
            .ToList();
        return uses.Count > 0 && uses.All(use => IsRunAction(use.Parent) || IsInsideRunAction(use));
    }

    private static bool IsUseOf(IOperation operation, IMethodSymbol localFunction)
    {
        var target = operation switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IMethodReferenceOperation reference => reference.Method,
            _ => null,
        };
        return SymbolEqualityComparer.Default.Equals(target?.OriginalDefinition, localFunction);
    }

    private static bool IsInside(IOperation operation, IOperation ancestor)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsInsideRunAction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda && IsRunAction(lambda.Parent))
            {
                return true;
            }
        }

        return false;
    }
}
