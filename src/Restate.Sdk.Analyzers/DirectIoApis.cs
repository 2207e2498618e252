using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Restate.Sdk.Analyzers;

/// <summary>
/// The I/O APIs that RESTATE006 flags outside <c>ctx.Run</c>. Extend the lists here; the analyzer reads nothing else.
/// </summary>
internal sealed class DirectIoApis
{
    /// <summary>Calling any method of these types, or of types derived from them, is I/O.</summary>
    private static readonly ImmutableArray<string> TypesWhoseCallsDoIo = ImmutableArray.Create(
        "System.Net.Http.HttpClient",
        "System.IO.File",
        "System.IO.Directory",
        "System.Data.Common.DbConnection",
        "System.Data.Common.DbCommand");

    /// <summary>Creating one of these types (or a derived type) is already I/O: it opens a file or a connection.</summary>
    private static readonly ImmutableArray<string> TypesWhoseCreationDoesIo = ImmutableArray.Create(
        "System.IO.FileStream");

    /// <summary>Calling or creating any type of these namespaces is I/O.</summary>
    private static readonly ImmutableArray<string> NamespacesDoingIo = ImmutableArray.Create(
        "System.Net.Sockets");

    /// <summary>Releasing a resource is not an observable effect, so it may stay outside <c>ctx.Run</c>.</summary>
    private static readonly ImmutableHashSet<string> CleanupMethods = ImmutableHashSet.Create("Dispose", "DisposeAsync", "Close");

    private readonly ImmutableArray<INamedTypeSymbol> _callTypes;
    private readonly ImmutableArray<INamedTypeSymbol> _creationTypes;

    public DirectIoApis(Compilation compilation)
    {
        _callTypes = Resolve(compilation, TypesWhoseCallsDoIo);
        _creationTypes = Resolve(compilation, TypesWhoseCreationDoesIo);
    }

    public bool IsIoCall(IMethodSymbol method) =>
        !CleanupMethods.Contains(method.Name)
        && (IsOrDerivesFromAny(method.ContainingType, _callTypes) || IsInIoNamespace(method.ContainingType));

    public bool IsIoCreation(ITypeSymbol? type) =>
        type is not null && (IsOrDerivesFromAny(type, _creationTypes) || IsInIoNamespace(type));

    private static bool IsOrDerivesFromAny(ITypeSymbol type, ImmutableArray<INamedTypeSymbol> candidates)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (candidates.Contains(current.OriginalDefinition, SymbolEqualityComparer.Default))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInIoNamespace(ITypeSymbol type) =>
        NamespacesDoingIo.Contains(type.ContainingNamespace?.ToDisplayString() ?? string.Empty);

    private static ImmutableArray<INamedTypeSymbol> Resolve(Compilation compilation, ImmutableArray<string> metadataNames) =>
        metadataNames
            .Select(compilation.GetTypeByMetadataName)
            .Where(type => type is not null)
            .Select(type => type!)
            .ToImmutableArray();
}
