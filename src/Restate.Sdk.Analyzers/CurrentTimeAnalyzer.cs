using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Restate.Sdk.Analyzers;

/// <summary>RESTATE001: the wall clock (<c>DateTime.Now</c>, <c>DateTimeOffset.UtcNow</c>, ...) in handler code.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CurrentTimeAnalyzer() : HandlerCodeAnalyzer(DiagnosticDescriptors.CurrentTime)
{
    private static readonly ImmutableHashSet<string> DateTimeClockProperties = ImmutableHashSet.Create("Now", "UtcNow", "Today");
    private static readonly ImmutableHashSet<string> DateTimeOffsetClockProperties = ImmutableHashSet.Create("Now", "UtcNow");

    private protected override void Register(CompilationStartAnalysisContext context, HandlerCode handlerCode)
    {
        var dateTimeOffset = context.Compilation.GetTypeByMetadataName("System.DateTimeOffset");
        context.RegisterOperationAction(
            operation =>
            {
                var property = ((IPropertyReferenceOperation)operation.Operation).Property;
                var type = property.ContainingType;
                var isClock = type.SpecialType == SpecialType.System_DateTime
                    ? DateTimeClockProperties.Contains(property.Name)
                    : SymbolEqualityComparer.Default.Equals(type, dateTimeOffset) && DateTimeOffsetClockProperties.Contains(property.Name);
                if (isClock)
                {
                    ReportInHandlerCode(operation, handlerCode, $"{type.Name}.{property.Name}");
                }
            },
            OperationKind.PropertyReference);
    }
}
