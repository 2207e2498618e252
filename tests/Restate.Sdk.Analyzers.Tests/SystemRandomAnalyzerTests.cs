using Restate.Sdk.Analyzers.CodeFixes;
using Verifier = Restate.Sdk.Analyzers.Tests.Verification.Verify<Restate.Sdk.Analyzers.SystemRandomAnalyzer>;

namespace Restate.Sdk.Analyzers.Tests;

public class SystemRandomAnalyzerTests
{
    [Fact]
    public Task Flags_a_handler_method() => Verifier.Analyzer("""
        class Dice
        {
            public int Roll(IContext ctx)
            {
                var random = {|#0:new Random()|};
                return random.Next(1, 7) + {|#1:Random.Shared|}.Next(1, 7);
            }
        }
        """,
        Verifier.Diagnostic().WithLocation(0).WithArguments("new Random()"),
        Verifier.Diagnostic().WithLocation(1).WithArguments("Random.Shared"));

    [Fact]
    public Task Flags_a_lambda_that_takes_a_context() => Verifier.Analyzer("""
        class Handlers
        {
            public Func<ISharedObjectContext, double> Handler = ctx => [|Random.Shared|].NextDouble();
        }
        """);

    [Fact]
    public Task Flags_an_async_helper_that_takes_a_context() => Verifier.Analyzer("""
        static class Dice
        {
            public static async Task<int> Roll(IObjectContext ctx)
            {
                await Task.Yield();
                return [|new Random()|].Next(6);
            }
        }
        """);

    [Fact]
    public Task Does_not_flag_a_seeded_random_whose_seed_is_deterministic() => Verifier.Analyzer("""
        class Dice
        {
            public int Roll(IContext ctx, int seed) => new Random(seed).Next(6);
        }
        """);

    [Fact]
    public Task Does_not_flag_a_run_action() => Verifier.Analyzer("""
        class Dice
        {
            public Task<int> Roll(IContext ctx) => ctx.Run("roll", ct => Task.FromResult(Random.Shared.Next(6) + new Random().Next(6)));
        }
        """);

    [Fact]
    public Task Does_not_flag_code_without_a_context() => Verifier.Analyzer("""
        class Dice
        {
            public int Roll() => Random.Shared.Next(6) + new Random().Next(6);
        }
        """);

    [Fact]
    public Task Fix_moves_single_calls_to_the_context_random() => Verifier.CodeFix<SystemRandomCodeFix>("""
        class Dice
        {
            public void Roll(IContext ctx, byte[] buffer)
            {
                var a = [|Random.Shared|].Next();
                var b = [|Random.Shared|].Next(6);
                var c = [|new Random()|].Next(1, 7);
                var d = [|Random.Shared|].NextDouble();
                var e = [|Random.Shared|].NextInt64();
                [|Random.Shared|].NextBytes(buffer);
            }
        }
        """, """
        class Dice
        {
            public void Roll(IContext ctx, byte[] buffer)
            {
                var a = ctx.Random.NextInt(0, int.MaxValue);
                var b = ctx.Random.NextInt(0, 6);
                var c = ctx.Random.NextInt(1, 7);
                var d = ctx.Random.NextDouble();
                var e = ctx.Random.NextInt64();
                ctx.Random.NextBytes(buffer);
            }
        }
        """);

    [Fact]
    public Task Fix_is_not_offered_for_a_random_kept_in_a_variable() => Verifier.CodeFix<SystemRandomCodeFix>("""
        class Dice
        {
            public int Roll(IContext ctx)
            {
                var random = [|new Random()|];
                return random.Next(6);
            }
        }
        """, """
        class Dice
        {
            public int Roll(IContext ctx)
            {
                var random = [|new Random()|];
                return random.Next(6);
            }
        }
        """);
}
