using Restate.Sdk.Analyzers.CodeFixes;
using Verifier = Restate.Sdk.Analyzers.Tests.Verification.Verify<Restate.Sdk.Analyzers.NewGuidAnalyzer>;

namespace Restate.Sdk.Analyzers.Tests;

public class NewGuidAnalyzerTests
{
    [Fact]
    public Task Flags_a_handler_method() => Verifier.Analyzer("""
        class Orders
        {
            public Task<Guid> Create(IObjectContext ctx) => Task.FromResult({|#0:Guid.NewGuid()|});
        }
        """,
        Verifier.Diagnostic().WithLocation(0).WithArguments("Guid.NewGuid()"));

    [Fact]
    public Task Flags_a_lambda_that_takes_a_context() => Verifier.Analyzer("""
        class Handlers
        {
            public Func<IContext, string> Handler = ctx => [|Guid.NewGuid()|].ToString();
        }
        """);

    [Fact]
    public Task Flags_an_async_helper_that_takes_a_context() => Verifier.Analyzer("""
        static class Ids
        {
            public static async Task<string> NewId(IWorkflowContext ctx, string prefix)
            {
                await Task.Yield();
                return prefix + [|Guid.NewGuid()|];
            }
        }
        """);

    [Fact]
    public Task Does_not_flag_a_run_action() => Verifier.Analyzer("""
        class Orders
        {
            public Task<Guid> Create(IContext ctx) => ctx.Run("id", ct => Task.FromResult(Guid.NewGuid()));
        }
        """);

    [Fact]
    public Task Does_not_flag_code_without_a_context() => Verifier.Analyzer("""
        class Ids
        {
            public Guid Next() => Guid.NewGuid();
        }
        """);

    [Fact]
    public Task Fix_draws_the_guid_from_the_context_random() => Verifier.CodeFix<NewGuidCodeFix>("""
        class Orders
        {
            public Guid Create(IContext ctx) => [|Guid.NewGuid()|];
        }
        """, """
        class Orders
        {
            public Guid Create(IContext ctx) => ctx.Random.NextGuid();
        }
        """);

    [Fact]
    public Task Fix_keeps_an_escaped_context_name() => Verifier.CodeFix<NewGuidCodeFix>("""
        class Events
        {
            public Guid Create(IContext @event) => [|Guid.NewGuid()|];
        }
        """, """
        class Events
        {
            public Guid Create(IContext @event) => @event.Random.NextGuid();
        }
        """);
}
