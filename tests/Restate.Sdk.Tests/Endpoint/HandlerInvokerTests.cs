using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Restate.Sdk.Endpoint;
using Restate.Sdk.Serialization;

namespace Restate.Sdk.Tests.Endpoint;

public sealed class HandlerInvokerTests : IDisposable
{
    private static readonly SystemTextJsonRestateSerializer Json = new();

    private readonly ServiceProvider _provider = new ServiceCollection().AddSingleton<InstanceCounter>().BuildServiceProvider();

    [Fact]
    public async Task Reads_the_input_runs_the_handler_and_writes_the_output()
    {
        var counter = Scan<Counter>(ServiceKind.VirtualObject);
        var context = new FakeContext();

        var first = await Invoke(counter, "add", "5", context);
        var second = await Invoke(counter, "add", "7", context);
        var read = await Invoke(counter, "get", string.Empty, context);

        Assert.Equal("5", first);
        Assert.Equal("12", second);
        Assert.Equal("12", read);
    }

    [Fact]
    public async Task Records_are_read_and_written_as_camelCase_json()
    {
        var greeter = Scan<Greeter>(ServiceKind.Service);

        var output = await Invoke(greeter, "greet", """{"name":"Ada","times":2}""");

        Assert.Equal("\"Hello Ada! Hello Ada!\"", output);
    }

    [Fact]
    public async Task Handlers_without_output_return_empty_bytes()
    {
        var counter = Scan<Counter>(ServiceKind.VirtualObject);
        var context = new FakeContext();
        context.State["count"] = 3;

        var output = await Invoke(counter, "reset_all", string.Empty, context);

        Assert.Equal(string.Empty, output);
        Assert.Empty(context.State);
    }

    [Fact]
    public async Task ValueTask_shapes_work()
    {
        var greeter = Scan<Greeter>(ServiceKind.Service);

        Assert.Equal("\"pong\"", await Invoke(greeter, "ping", string.Empty));
        Assert.Equal("42", await Invoke(greeter, "twice", "21"));
        Assert.Equal(string.Empty, await Invoke(greeter, "log", "\"written\""));
        Assert.Equal("written", Greeter.LastMessage);
        Assert.Equal(string.Empty, await Invoke(greeter, "noop", string.Empty));
    }

    [Fact]
    public async Task Static_handlers_need_no_instance()
    {
        var greeter = Scan<Greeter>(ServiceKind.Service);

        Assert.Equal("\"HEY\"", await Invoke(greeter, "shout", "\"hey\""));
    }

    [Fact]
    public async Task Malformed_json_input_is_a_terminal_400_naming_the_handler_and_the_type()
    {
        var greeter = Scan<Greeter>(ServiceKind.Service);

        var error = await Assert.ThrowsAsync<TerminalException>(() => Invoke(greeter, "greet", "{\"name\":"));

        Assert.Equal(400, error.Code);
        Assert.StartsWith("Handler 'greeter/greet' could not read its input as Greeting:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_of_the_wrong_json_type_is_a_terminal_400()
    {
        var counter = Scan<Counter>(ServiceKind.VirtualObject);

        var error = await Assert.ThrowsAsync<TerminalException>(() => Invoke(counter, "add", "\"five\""));

        Assert.Equal(400, error.Code);
        Assert.Contains("Handler 'Counter/add' could not read its input as Int32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_input_for_a_handler_that_takes_one_is_a_terminal_400()
    {
        var counter = Scan<Counter>(ServiceKind.VirtualObject);

        var error = await Assert.ThrowsAsync<TerminalException>(() => Invoke(counter, "add", string.Empty));

        Assert.Equal(400, error.Code);
        Assert.Equal("Handler 'Counter/add' expects an input of type Int32, but the request has no body.", error.Message);
    }

    [Fact]
    public async Task Terminal_exceptions_of_the_handler_pass_through_unchanged()
    {
        var greeter = Scan<Greeter>(ServiceKind.Service);

        var error = await Assert.ThrowsAsync<TerminalException>(() => Invoke(greeter, "fail", string.Empty));

        Assert.Equal(409, error.Code);
        Assert.Equal("nope", error.Message);
    }

    [Fact]
    public async Task Each_call_gets_a_new_instance_from_the_invocations_service_provider()
    {
        var counter = Scan<Counter>(ServiceKind.VirtualObject);

        var first = await Invoke(counter, "whoAmI", string.Empty);
        var second = await Invoke(counter, "whoAmI", string.Empty);

        Assert.Equal("1", first);
        Assert.Equal("2", second);
        Assert.Equal(2, _provider.GetRequiredService<InstanceCounter>().Created);
    }

    [Fact]
    public async Task Scoped_dependencies_come_from_the_scope_of_the_invocation()
    {
        var services = new ServiceCollection().AddScoped<InstanceCounter>().BuildServiceProvider();
        var counter = Scan<Counter>(ServiceKind.VirtualObject);
        var handler = Assert.Single(counter.Handlers, h => h.Name == "whoAmI");

        async Task<string> InvokeInNewScope()
        {
            await using var scope = services.CreateAsyncScope();
            var output = await handler.Invoker(new HandlerInvocation(new FakeContext(), ReadOnlyMemory<byte>.Empty, scope.ServiceProvider, Json));
            return Encoding.UTF8.GetString(output.Span);
        }

        // A fresh scope means a fresh scoped InstanceCounter, so every instance is number 1.
        Assert.Equal("1", await InvokeInNewScope());
        Assert.Equal("1", await InvokeInNewScope());
    }

    [Fact]
    public async Task Disposable_instances_are_disposed_after_the_call()
    {
        var service = Scan<DisposableService>(ServiceKind.Service);
        var before = DisposableService.Disposed;

        var seenDuringCall = await Invoke(service, "call", string.Empty);

        Assert.Equal(before.ToString(System.Globalization.CultureInfo.InvariantCulture), seenDuringCall);
        Assert.Equal(before + 1, DisposableService.Disposed);
    }

    [Fact]
    public async Task Workflow_handlers_get_the_workflow_context()
    {
        var signup = Scan<Signup>(ServiceKind.Workflow);
        var context = new FakeContext("user-1");

        Assert.Equal("\"done user-1\"", await Invoke(signup, "run", "\"a@b.c\"", context));
        Assert.Equal("\"a@b.c\"", await Invoke(signup, "status", string.Empty, context));
    }

    [Fact]
    public async Task Explicit_handlers_of_every_shape_are_invoked()
    {
        var calls = new List<string>();
        var service = new VirtualObjectBuilder("Explicit")
            .Handler<int, int>("add", async (IObjectContext ctx, int x) =>
            {
                await Task.Yield();
                return x + 1;
            })
            .Handler("count", (IObjectContext ctx) => Task.FromResult(ctx.Key.Length))
            .Handler("remember", (IObjectContext ctx, string text) =>
            {
                calls.Add(text);
                return Task.CompletedTask;
            })
            .Handler("touch", (IObjectContext ctx) =>
            {
                calls.Add("touched");
                return Task.CompletedTask;
            })
            .SharedHandler("peek", (ISharedObjectContext ctx) => Task.FromResult("peeked " + ctx.Key))
            .Build();

        Assert.Equal("42", await Invoke(service, "add", "41"));
        Assert.Equal("1", await Invoke(service, "count", string.Empty));
        Assert.Equal(string.Empty, await Invoke(service, "remember", "\"hello\""));
        Assert.Equal(string.Empty, await Invoke(service, "touch", string.Empty));
        Assert.Equal("\"peeked k\"", await Invoke(service, "peek", string.Empty));
        Assert.Equal(["hello", "touched"], calls);
        Assert.Equal(HandlerKind.Shared, Assert.Single(service.Handlers, h => h.Name == "peek").Kind);
        Assert.Equal(HandlerKind.Exclusive, Assert.Single(service.Handlers, h => h.Name == "add").Kind);

        var error = await Assert.ThrowsAsync<TerminalException>(() => Invoke(service, "add", "[1]"));
        Assert.Equal(400, error.Code);
        Assert.Contains("Handler 'Explicit/add' could not read its input as Int32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_custom_serializer_is_used_for_input_and_output()
    {
        var service = new ServiceBuilder("Upper").Handler("shout", (IContext ctx, string text) => Task.FromResult(text + "!")).Build();
        var handler = Assert.Single(service.Handlers);

        var output = await handler.Invoker(new HandlerInvocation(
            new FakeContext(), Encoding.UTF8.GetBytes("hey"), _provider, new PlainTextSerializer()));

        Assert.Equal("HEY!", Encoding.UTF8.GetString(output.Span));
    }

    public void Dispose() => _provider.Dispose();

    private static ServiceDefinition Scan<T>(ServiceKind kind) => ServiceTypeScanner.Scan(typeof(T), kind, new ServiceOptions());

    private async Task<string> Invoke(ServiceDefinition service, string handlerName, string input, FakeContext? context = null)
    {
        var handler = Assert.Single(service.Handlers, h => h.Name == handlerName);
        var output = await handler.Invoker(new HandlerInvocation(
            context ?? new FakeContext(), Encoding.UTF8.GetBytes(input), _provider, Json));
        return Encoding.UTF8.GetString(output.Span);
    }

    /// <summary>Reads and writes strings as raw upper-case text, to prove the invoker uses the given serializer.</summary>
    private sealed class PlainTextSerializer : IRestateSerializer
    {
        public string ContentType => "text/plain";

        public byte[] Serialize(object? value, Type type) => Encoding.UTF8.GetBytes(((string?)value ?? string.Empty).ToUpperInvariant());

        public object? Deserialize(ReadOnlySpan<byte> data, Type type) => Encoding.UTF8.GetString(data);
    }
}
