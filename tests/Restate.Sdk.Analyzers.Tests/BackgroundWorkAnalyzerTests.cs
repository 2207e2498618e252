using Verifier = Restate.Sdk.Analyzers.Tests.Verification.Verify<Restate.Sdk.Analyzers.BackgroundWorkAnalyzer>;

namespace Restate.Sdk.Analyzers.Tests;

public class BackgroundWorkAnalyzerTests
{
    [Fact]
    public Task Flags_a_handler_method() => Verifier.Analyzer("""
        class Workers
        {
            public async Task Start(IContext ctx)
            {
                await {|#0:Task.Run(() => 1)|};
                await {|#1:Task.Factory.StartNew(() => { })|};
                {|#2:ThreadPool.QueueUserWorkItem(_ => { })|};
                {|#3:new Thread(() => { })|}.Start();
                await {|#4:Task.Yield()|};
            }
        }
        """,
        Verifier.Diagnostic().WithLocation(0).WithArguments("Task.Run"),
        Verifier.Diagnostic().WithLocation(1).WithArguments("TaskFactory.StartNew"),
        Verifier.Diagnostic().WithLocation(2).WithArguments("ThreadPool.QueueUserWorkItem"),
        Verifier.Diagnostic().WithLocation(3).WithArguments("new Thread(...)"),
        Verifier.Diagnostic().WithLocation(4).WithArguments("Task.Yield"));

    [Fact]
    public Task Flags_a_lambda_that_takes_a_context() => Verifier.Analyzer("""
        class Handlers
        {
            public Func<IContext, Task> Handler = ctx => [|Task.Run(() => { })|];
        }
        """);

    [Fact]
    public Task Flags_an_async_helper_that_takes_a_context() => Verifier.Analyzer("""
        static class Fanout
        {
            public static async Task<int> Sum(IObjectContext ctx)
            {
                var results = await Task.WhenAll([|Task.Run(() => 1)|], [|Task<int>.Factory.StartNew(() => 2)|]);
                return results[0] + results[1];
            }
        }
        """);

    [Fact]
    public Task Does_not_flag_a_run_action() => Verifier.Analyzer("""
        class Workers
        {
            public Task<int> Start(IContext ctx) => ctx.Run("compute", ct => Task.Run(() => 42, ct));
        }
        """);

    [Fact]
    public Task Does_not_flag_code_without_a_context() => Verifier.Analyzer("""
        class Workers
        {
            public Task Start() => Task.Run(() => new Thread(() => { }).Start());
        }
        """);
}
