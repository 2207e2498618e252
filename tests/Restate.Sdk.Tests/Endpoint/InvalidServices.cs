namespace Restate.Sdk.Tests.Endpoint;

// Each class here is wrong in exactly one way; the scanner tests check the error names it.
#pragma warning disable CA1822 // Handler methods are instance methods on purpose.

[Service]
public sealed class NoHandlers
{
    public Task<int> Method(IContext ctx) => Task.FromResult(1);
}

[Service]
public sealed class ObjectContextInService
{
    [Handler]
    public Task Write(IObjectContext ctx) => Task.CompletedTask;
}

[VirtualObject]
public sealed class PlainContextInObject
{
    [Handler]
    public Task Write(IContext ctx) => Task.CompletedTask;
}

[VirtualObject]
public sealed class WorkflowContextInObject
{
    [Handler]
    public Task Write(IWorkflowContext ctx) => Task.CompletedTask;
}

[Workflow]
public sealed class ObjectContextInWorkflow
{
    [Handler]
    public Task Run(IWorkflowContext ctx) => Task.CompletedTask;

    [Handler]
    public Task Other(IObjectContext ctx) => Task.CompletedTask;
}

[Workflow]
public sealed class WorkflowWithoutRun
{
    [Handler]
    public Task Query(ISharedWorkflowContext ctx) => Task.CompletedTask;
}

[Workflow]
public sealed class WorkflowWithTwoRuns
{
    [Handler]
    public Task Run(IWorkflowContext ctx) => Task.CompletedTask;

    [Handler]
    public Task Again(IWorkflowContext ctx) => Task.CompletedTask;
}

[Service]
public sealed class DuplicateHandlerNames
{
    [Handler(Name = "same")]
    public Task A(IContext ctx) => Task.CompletedTask;

    [Handler(Name = "same")]
    public Task B(IContext ctx) => Task.CompletedTask;
}

[Service]
public sealed class DashInHandlerName
{
    [Handler(Name = "do-it")]
    public Task A(IContext ctx) => Task.CompletedTask;
}

[Service(Name = "restateThing")]
public sealed class ReservedServiceName
{
    [Handler]
    public Task A(IContext ctx) => Task.CompletedTask;
}

[Service(Name = "openapi")]
public sealed class OpenApiServiceName
{
    [Handler]
    public Task A(IContext ctx) => Task.CompletedTask;
}

[Service(Name = "9lives")]
public sealed class DigitFirstServiceName
{
    [Handler]
    public Task A(IContext ctx) => Task.CompletedTask;
}

[Service]
public sealed class SynchronousHandler
{
    [Handler]
    public int A(IContext ctx) => 1;
}

[Service]
public sealed class NoContextParameter
{
    [Handler]
    public Task A(string input) => Task.CompletedTask;
}

[Service]
public sealed class ThreeParameters
{
    [Handler]
    public Task A(IContext ctx, string a, string b) => Task.CompletedTask;
}

[Service]
public sealed class PrivateHandler
{
    [Handler]
    private Task A(IContext ctx) => Task.CompletedTask;

    public Task UseA(IContext ctx) => A(ctx);
}

[Service]
public sealed class GenericHandler
{
    [Handler]
    public Task A<T>(IContext ctx, T input) => Task.CompletedTask;
}

[Service]
public sealed class CancellationTokenInput
{
    [Handler]
    public Task A(IContext ctx, CancellationToken token) => Task.CompletedTask;
}

[Service]
public abstract class AbstractService
{
    [Handler]
    public Task A(IContext ctx) => Task.CompletedTask;
}

#pragma warning restore CA1822
