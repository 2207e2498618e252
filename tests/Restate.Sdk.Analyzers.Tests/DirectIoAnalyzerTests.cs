using Verifier = Restate.Sdk.Analyzers.Tests.Verification.Verify<Restate.Sdk.Analyzers.DirectIoAnalyzer>;

namespace Restate.Sdk.Analyzers.Tests;

public class DirectIoAnalyzerTests
{
    [Fact]
    public Task Flags_a_handler_method() => Verifier.Analyzer("""
        using System.Data.Common;
        using System.IO;
        using System.Net.Http;
        using System.Net.Sockets;

        class Fetcher
        {
            public async Task Fetch(IContext ctx, HttpClient http, DbConnection db, DbCommand command)
            {
                await {|#0:http.GetStringAsync("http://example.test")|};
                {|#1:File.ReadAllText("a.txt")|};
                {|#2:Directory.CreateDirectory("out")|};
                using var stream = {|#3:new FileStream("a.txt", FileMode.Open)|};
                using var tcp = {|#4:new TcpClient()|};
                {|#5:db.Open()|};
                {|#6:command.ExecuteNonQuery()|};
            }
        }
        """,
        Verifier.Diagnostic().WithLocation(0).WithArguments("HttpClient.GetStringAsync"),
        Verifier.Diagnostic().WithLocation(1).WithArguments("File.ReadAllText"),
        Verifier.Diagnostic().WithLocation(2).WithArguments("Directory.CreateDirectory"),
        Verifier.Diagnostic().WithLocation(3).WithArguments("new FileStream(...)"),
        Verifier.Diagnostic().WithLocation(4).WithArguments("new TcpClient(...)"),
        Verifier.Diagnostic().WithLocation(5).WithArguments("DbConnection.Open"),
        Verifier.Diagnostic().WithLocation(6).WithArguments("DbCommand.ExecuteNonQuery"));

    [Fact]
    public Task Flags_a_lambda_that_takes_a_context() => Verifier.Analyzer("""
        using System.IO;

        class Handlers
        {
            public Func<IContext, bool> Handler = ctx => [|File.Exists("flag")|];
        }
        """);

    [Fact]
    public Task Flags_an_async_helper_that_takes_a_context() => Verifier.Analyzer("""
        using System.Net.Http;

        static class Weather
        {
            public static async Task<string> Read(IObjectContext ctx, HttpClient http) =>
                await [|http.GetStringAsync("http://example.test/weather")|];
        }
        """);

    [Fact]
    public Task Flags_a_derived_database_type() => Verifier.Analyzer("""
        using System.Data.Common;

        abstract class SqlishConnection : DbConnection { }

        class Store
        {
            public Task Open(IContext ctx, SqlishConnection connection) => [|connection.OpenAsync()|];
        }
        """);

    [Fact]
    public Task Does_not_flag_a_run_action() => Verifier.Analyzer("""
        using System.IO;
        using System.Net.Http;

        class Fetcher
        {
            public async Task Fetch(IContext ctx, HttpClient http)
            {
                var page = await ctx.Run("fetch", ct => http.GetStringAsync("http://example.test", ct));
                await ctx.Run("save", ct => File.WriteAllTextAsync("page.html", page, ct));
            }
        }
        """);

    [Fact]
    public Task Does_not_flag_code_without_a_context() => Verifier.Analyzer("""
        using System.IO;
        using System.Net.Http;

        class Fetcher
        {
            public Task<string> Fetch(HttpClient http) => http.GetStringAsync("http://example.test");
            public string Read() => File.ReadAllText("a.txt");
        }
        """);

    [Fact]
    public Task Does_not_flag_configuration_reads_creation_or_cleanup() => Verifier.Analyzer("""
        using System.Data.Common;
        using System.Net.Http;

        class Fetcher
        {
            public async Task Fetch(IContext ctx, DbConnection db)
            {
                var url = Environment.GetEnvironmentVariable("URL");
                using var http = new HttpClient();
                await db.DisposeAsync();
            }
        }
        """);
}
