using Verifier = Restate.Sdk.Analyzers.Tests.Verification.Verify<Restate.Sdk.Analyzers.NewGuidAnalyzer>;

namespace Restate.Sdk.Analyzers.Tests;

/// <summary>What counts as handler code, checked through one rule; the scope is shared by all of them.</summary>
public class HandlerCodeTests
{
    [Fact]
    public Task A_generic_context_parameter_makes_handler_code() => Verifier.Analyzer("""
        static class Ids
        {
            public static Guid Next<TContext>(TContext ctx) where TContext : ISharedWorkflowContext => [|Guid.NewGuid()|];
        }
        """);

    [Fact]
    public Task A_local_function_that_takes_a_context_is_handler_code() => Verifier.Analyzer("""
        class Startup
        {
            public void Register()
            {
                Guid outside = Guid.NewGuid();
                Guid Handler(IObjectContext ctx) => [|Guid.NewGuid()|];
            }
        }
        """);

    [Fact]
    public Task Only_the_action_of_run_is_exempt_not_its_other_arguments() => Verifier.Analyzer("""
        class Orders
        {
            public Task<Guid> Create(IContext ctx) => ctx.Run([|Guid.NewGuid()|].ToString(), ct => Task.FromResult(Guid.NewGuid()));
        }
        """);

    [Fact]
    public Task A_run_method_of_another_type_is_not_exempt() => Verifier.Analyzer("""
        class Runner
        {
            public Task<T> Run<T>(string name, Func<CancellationToken, Task<T>> action) => action(default);
        }

        class Orders
        {
            public Task<Guid> Create(IContext ctx, Runner runner) => runner.Run("id", ct => Task.FromResult([|Guid.NewGuid()|]));
        }
        """);

    [Fact]
    public Task A_local_function_used_only_as_or_in_run_actions_is_exempt() => Verifier.Analyzer("""
        class Orders
        {
            public async Task<Guid> Create(IContext ctx)
            {
                var first = await ctx.Run("first", NewId);
                var second = await ctx.Run("second", ct => NewId(ct));
                return first == second ? first : second;

                Task<Guid> NewId(CancellationToken ct) => Task.FromResult(Guid.NewGuid());
            }
        }
        """);

    [Fact]
    public Task A_local_function_also_called_outside_run_is_handler_code() => Verifier.Analyzer("""
        class Orders
        {
            public async Task<Guid> Create(IContext ctx)
            {
                var first = await ctx.Run("first", NewId);
                return first == default ? await NewId(ctx.Aborted) : first;

                Task<Guid> NewId(CancellationToken ct) => Task.FromResult([|Guid.NewGuid()|]);
            }
        }
        """);

    [Fact]
    public Task An_unused_local_function_is_handler_code() => Verifier.Analyzer("""
        class Orders
        {
            public void Create(IContext ctx)
            {
                Guid NewId() => [|Guid.NewGuid()|];
            }
        }
        """);

    [Fact]
    public Task Run_through_a_derived_context_is_exempt() => Verifier.Analyzer("""
        class Orders
        {
            public Task<Guid> Create(IWorkflowContext ctx) => ctx.Run("id", ct => Task.FromResult(Guid.NewGuid()));
        }
        """);
}
