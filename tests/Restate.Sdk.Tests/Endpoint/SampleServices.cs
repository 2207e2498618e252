namespace Restate.Sdk.Tests.Endpoint;

// Handlers written the way users write them: instance methods, whether or not they touch the instance.
#pragma warning disable CA1822

public sealed record Greeting(string Name, int Times);

/// <summary>Counts how many instances the DI scope handed out, to prove one instance per call.</summary>
public sealed class InstanceCounter
{
    private int _created;

    public int Created => _created;

    public int Next() => Interlocked.Increment(ref _created);
}

[VirtualObject]
public sealed class Counter(InstanceCounter instances)
{
    public int InstanceNumber { get; } = instances.Next();

    [Handler]
    public async Task<int> Add(IObjectContext ctx, int delta)
    {
        var value = await ctx.Get<int>("count") + delta;
        ctx.Set("count", value);
        return value;
    }

    [Handler]
    public async Task<int> Get(ISharedObjectContext ctx) => await ctx.Get<int>("count");

    [Handler(Name = "reset_all", Documentation = "Clears the counter.")]
    public Task Reset(IObjectContext ctx)
    {
        ctx.ClearAll();
        return Task.CompletedTask;
    }

    [Handler]
    public Task<int> WhoAmI(ISharedObjectContext ctx) => Task.FromResult(InstanceNumber);

    public Task<int> NotAHandler(IObjectContext ctx) => Task.FromResult(0);
}

[Service(Name = "greeter", Documentation = "Says hello.")]
public sealed class Greeter
{
    [Handler]
    public Task<string> Greet(IContext ctx, Greeting greeting) =>
        Task.FromResult(string.Concat(Enumerable.Repeat($"Hello {greeting.Name}! ", greeting.Times)).TrimEnd());

    [Handler]
    public ValueTask<string> Ping(IContext ctx) => ValueTask.FromResult("pong");

    [Handler]
    public ValueTask<int> Twice(IContext ctx, int value) => ValueTask.FromResult(value * 2);

    [Handler]
    public static Task<string> Shout(IContext ctx, string text) => Task.FromResult(text.ToUpperInvariant());

    [Handler]
    public async ValueTask Log(IContext ctx, string message)
    {
        await Task.Yield();
        LastMessage = message;
    }

    [Handler]
    public ValueTask Noop(IContext ctx) => ValueTask.CompletedTask;

    [Handler]
    public Task Fail(IContext ctx) => throw new TerminalException("nope", 409);

    public static string? LastMessage { get; set; }
}

[Workflow]
public sealed class Signup
{
    [Handler]
    public async Task<string> Run(IWorkflowContext ctx, string email)
    {
        ctx.Set("email", email);
        return await Task.FromResult("done " + ctx.Key);
    }

    [Handler]
    public async Task<string?> Status(ISharedWorkflowContext ctx) => await ctx.Get<string>("email");
}

/// <summary>A disposable service, to prove instances are disposed after each call.</summary>
[Service]
public sealed class DisposableService : IAsyncDisposable
{
    private static int _disposed;

    public static int Disposed => Volatile.Read(ref _disposed);

    [Handler]
    public Task<int> Call(IContext ctx) => Task.FromResult(Disposed);

    public ValueTask DisposeAsync()
    {
        Interlocked.Increment(ref _disposed);
        return ValueTask.CompletedTask;
    }
}

/// <summary>No attribute: the registration decides the kind and the class name is the service name.</summary>
public sealed class PlainObject
{
    [Handler]
    public Task<string> Echo(IObjectContext ctx, string text) => Task.FromResult(text);
}

#pragma warning restore CA1822
