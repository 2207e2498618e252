using System.Linq;
using Microsoft.CodeAnalysis;

namespace Restate.Sdk.Analyzers;

/// <summary>
/// Recognises the Restate context types by metadata name, so the analyzers need no reference to Restate.Sdk.
/// Every context interface (ISharedObjectContext, IObjectContext, IWorkflowContext, ...) derives from IContext.
/// </summary>
internal sealed class ContextTypes
{
    public const string ContextMetadataName = "Restate.Sdk.IContext";

    private ContextTypes(INamedTypeSymbol context) => Context = context;

    public INamedTypeSymbol Context { get; }

    /// <summary>Null when the compilation does not reference the Restate SDK: then there is no handler code to check.</summary>
    public static ContextTypes? From(Compilation compilation) =>
        compilation.GetTypeByMetadataName(ContextMetadataName) is { } context ? new ContextTypes(context) : null;

    public bool IsContext(ITypeSymbol? type) => type switch
    {
        null => false,
        ITypeParameterSymbol parameter => parameter.ConstraintTypes.Any(IsContext),
        _ => IsContextItself(type) || type.AllInterfaces.Any(IsContextItself),
    };

    private bool IsContextItself(ITypeSymbol type) => SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, Context);
}
