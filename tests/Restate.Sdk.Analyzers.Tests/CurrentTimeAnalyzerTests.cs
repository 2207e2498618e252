using Restate.Sdk.Analyzers.CodeFixes;
using Restate.Sdk.Analyzers.Tests.Verification;
using Verifier = Restate.Sdk.Analyzers.Tests.Verification.Verify<Restate.Sdk.Analyzers.CurrentTimeAnalyzer>;

namespace Restate.Sdk.Analyzers.Tests;

public class CurrentTimeAnalyzerTests
{
    [Fact]
    public Task Flags_every_clock_property_in_a_handler_method() => Verifier.Analyzer("""
        class Greeter
        {
            public async Task<string> Greet(IObjectContext ctx)
            {
                var a = {|#0:DateTime.Now|};
                var b = {|#1:DateTime.UtcNow|};
                var c = {|#2:DateTime.Today|};
                var d = {|#3:DateTimeOffset.Now|};
                var e = {|#4:DateTimeOffset.UtcNow|};
                return $"{a}{b}{c}{d}{e}{await ctx.Now()}";
            }
        }
        """,
        Verifier.Diagnostic().WithLocation(0).WithArguments("DateTime.Now"),
        Verifier.Diagnostic().WithLocation(1).WithArguments("DateTime.UtcNow"),
        Verifier.Diagnostic().WithLocation(2).WithArguments("DateTime.Today"),
        Verifier.Diagnostic().WithLocation(3).WithArguments("DateTimeOffset.Now"),
        Verifier.Diagnostic().WithLocation(4).WithArguments("DateTimeOffset.UtcNow"));

    [Fact]
    public Task Flags_a_lambda_that_takes_a_context() => Verifier.Analyzer("""
        class Handlers
        {
            public Func<IWorkflowContext, DateTime> Handler = ctx => [|DateTime.UtcNow|];
        }
        """);

    [Fact]
    public Task Flags_an_async_helper_that_takes_a_context() => Verifier.Analyzer("""
        static class Helpers
        {
            public static async Task<DateTimeOffset> Stamp(ISharedObjectContext ctx)
            {
                await Task.Yield();
                return [|DateTimeOffset.UtcNow|];
            }
        }
        """);

    [Fact]
    public Task Flags_a_nested_lambda_that_is_not_a_run_action() => Verifier.Analyzer("""
        class Greeter
        {
            public void Greet(IContext ctx)
            {
                Func<DateTime> clock = () => [|DateTime.UtcNow|];
                LocalClock();

                DateTime LocalClock() => [|DateTime.UtcNow|];
            }
        }
        """);

    [Fact]
    public Task Does_not_flag_a_run_action() => Verifier.Analyzer("""
        class Greeter
        {
            public async Task Greet(IContext ctx)
            {
                var now = await ctx.Run("clock", ct => Task.FromResult(DateTime.UtcNow));
                await ctx.Run("log", async ct =>
                {
                    await Task.Yield();
                    Func<DateTimeOffset> nested = () => DateTimeOffset.Now;
                });
                var future = ctx.RunAsync("later", delegate (CancellationToken ct) { return Task.FromResult(DateTime.Today); });
            }
        }
        """);

    [Fact]
    public Task Does_not_flag_code_without_a_context() => Verifier.Analyzer("""
        class Clock
        {
            public DateTime Read(string name) => DateTime.UtcNow;
            public Func<int, DateTimeOffset> Reader = _ => DateTimeOffset.UtcNow;
        }
        """);

    [Fact]
    public Task Fix_reads_the_time_from_the_context_by_its_name() => Verifier.CodeFix<CurrentTimeCodeFix>("""
        class Greeter
        {
            public async Task Greet(IContext context)
            {
                DateTimeOffset stamp = [|DateTimeOffset.UtcNow|];
                var utc = [|DateTime.UtcNow|];
                var local = [|DateTime.Now|];
                var today = [|DateTime.Today|];
            }
        }
        """, """
        class Greeter
        {
            public async Task Greet(IContext context)
            {
                DateTimeOffset stamp = await context.Now();
                var utc = (await context.Now()).UtcDateTime;
                var local = (await context.Now()).LocalDateTime;
                var today = (await context.Now()).LocalDateTime.Date;
            }
        }
        """);

    [Fact]
    public Task Fix_is_not_offered_where_await_is_not_allowed() => Verifier.CodeFix<CurrentTimeCodeFix>("""
        class Greeter
        {
            public string Greet(IContext ctx) => [|DateTime.UtcNow|].ToString();
        }
        """, """
        class Greeter
        {
            public string Greet(IContext ctx) => [|DateTime.UtcNow|].ToString();
        }
        """);
}
