using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Restate.Sdk.Analyzers.Tests.Verification;

/// <summary>
/// Runs an analyzer (and optionally its code fix) over a test source plus <see cref="RestateStubs"/>.
/// Expected diagnostics are marked in the source with <c>[|...|]</c>, or <c>{|#0:...|}</c> with a <see cref="DiagnosticResult"/>.
/// </summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>The usual imports of a handler file, so test sources hold only what they test.</summary>
    public const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Restate.Sdk;

        """;

    public static DiagnosticResult Diagnostic() => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic();

    public static Task Analyzer(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = Usings + source };
        Configure(test.TestState);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Checks that the fix turns <paramref name="source"/> into <paramref name="fixedSource"/>; equal sources mean "no fix offered".</summary>
    public static Task CodeFix<TCodeFix>(string source, string fixedSource, string usings = Usings)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = usings + source,
            FixedCode = usings + fixedSource,
        };
        Configure(test.TestState);
        Configure(test.FixedState);
        return test.RunAsync();
    }

    private static void Configure(SolutionState state)
    {
        state.Sources.Add((RestateStubs.FileName, RestateStubs.Source));
        state.ReferenceAssemblies = LocalReferenceAssemblies.None;
        state.AdditionalReferences.AddRange(LocalReferenceAssemblies.References);
    }
}
