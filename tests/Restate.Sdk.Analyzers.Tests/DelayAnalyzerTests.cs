using Restate.Sdk.Analyzers.CodeFixes;
using Verifier = Restate.Sdk.Analyzers.Tests.Verification.Verify<Restate.Sdk.Analyzers.DelayAnalyzer>;

namespace Restate.Sdk.Analyzers.Tests;

public class DelayAnalyzerTests
{
    [Fact]
    public Task Flags_a_handler_method() => Verifier.Analyzer("""
        class Waiter
        {
            public async Task Wait(IContext ctx)
            {
                await {|#0:Task.Delay(100)|};
                {|#1:Thread.Sleep(100)|};
            }
        }
        """,
        Verifier.Diagnostic().WithLocation(0).WithArguments("Task.Delay"),
        Verifier.Diagnostic().WithLocation(1).WithArguments("Thread.Sleep"));

    [Fact]
    public Task Flags_a_lambda_that_takes_a_context() => Verifier.Analyzer("""
        class Handlers
        {
            public Func<IWorkflowContext, Task> Handler = ctx => [|Task.Delay(TimeSpan.FromSeconds(1))|];
        }
        """);

    [Fact]
    public Task Flags_an_async_helper_that_takes_a_context() => Verifier.Analyzer("""
        static class Backoff
        {
            public static async Task Pause(ISharedObjectContext ctx, int attempt)
            {
                await [|Task.Delay(attempt * 100, ctx.Aborted)|];
            }
        }
        """);

    [Fact]
    public Task Does_not_flag_a_run_action() => Verifier.Analyzer("""
        class Waiter
        {
            public Task Wait(IContext ctx) => ctx.Run("poll", async ct =>
            {
                await Task.Delay(100, ct);
                Thread.Sleep(1);
            });
        }
        """);

    [Fact]
    public Task Does_not_flag_code_without_a_context() => Verifier.Analyzer("""
        class Waiter
        {
            public async Task Wait()
            {
                await Task.Delay(100);
                Thread.Sleep(100);
            }
        }
        """);

    [Fact]
    public Task Fix_sleeps_through_the_context() => Verifier.CodeFix<DelayCodeFix>("""
        class Waiter
        {
            public async Task Wait(IContext ctx, TimeSpan pause)
            {
                await [|Task.Delay(pause)|];
                await [|Task.Delay(250)|];
                [|Thread.Sleep(250)|];
                [|Thread.Sleep(pause)|];
            }
        }
        """, """
        class Waiter
        {
            public async Task Wait(IContext ctx, TimeSpan pause)
            {
                await ctx.Sleep(pause);
                await ctx.Sleep(TimeSpan.FromMilliseconds(250));
                await ctx.Sleep(TimeSpan.FromMilliseconds(250));
                await ctx.Sleep(pause);
            }
        }
        """);

    [Fact]
    public Task Fix_qualifies_TimeSpan_where_System_is_not_imported() => Verifier.CodeFix<DelayCodeFix>("""
        using Restate.Sdk;

        class Waiter
        {
            public async System.Threading.Tasks.Task Wait(IContext ctx) => await [|System.Threading.Tasks.Task.Delay(250)|];
        }
        """, """
        using Restate.Sdk;

        class Waiter
        {
            public async System.Threading.Tasks.Task Wait(IContext ctx) => await ctx.Sleep(global::System.TimeSpan.FromMilliseconds(250));
        }
        """,
        usings: "");

    [Fact]
    public Task Fix_is_not_offered_for_a_blocking_sleep_in_sync_code_or_a_cancellable_delay() => Verifier.CodeFix<DelayCodeFix>("""
        class Waiter
        {
            public void Block(IContext ctx) => [|Thread.Sleep(250)|];

            public Task Wait(IContext ctx) => [|Task.Delay(250, ctx.Aborted)|];
        }
        """, """
        class Waiter
        {
            public void Block(IContext ctx) => [|Thread.Sleep(250)|];

            public Task Wait(IContext ctx) => [|Task.Delay(250, ctx.Aborted)|];
        }
        """);
}
