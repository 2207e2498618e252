using Restate.Sdk.Endpoint;

namespace Restate.Sdk.Tests.Endpoint;

public sealed class ServiceTypeScannerTests
{
    [Fact]
    public void Virtual_object_handlers_take_their_kind_from_the_context_type_and_camelCase_names()
    {
        var service = ServiceTypeScanner.Scan(typeof(Counter), ServiceKind.VirtualObject, new ServiceOptions());

        Assert.Equal("Counter", service.Name);
        Assert.Equal(ServiceKind.VirtualObject, service.Kind);
        Assert.Equal(
            ["add", "get", "reset_all", "whoAmI"],
            service.Handlers.Select(h => h.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HandlerKind.Exclusive, Handler(service, "add").Kind);
        Assert.Equal(HandlerKind.Shared, Handler(service, "get").Kind);
        Assert.Equal(HandlerKind.Exclusive, Handler(service, "reset_all").Kind);
        Assert.Equal(HandlerKind.Shared, Handler(service, "whoAmI").Kind);
    }

    [Fact]
    public void Input_and_output_types_follow_the_method_shape()
    {
        var counter = ServiceTypeScanner.Scan(typeof(Counter), ServiceKind.VirtualObject, new ServiceOptions());
        var greeter = ServiceTypeScanner.Scan(typeof(Greeter), ServiceKind.Service, new ServiceOptions());

        Assert.Equal((typeof(int), typeof(int)), Types(Handler(counter, "add")));
        Assert.Equal((null, typeof(int)), Types(Handler(counter, "get")));
        Assert.Equal((null, null), Types(Handler(counter, "reset_all")));
        Assert.Equal((typeof(Greeting), typeof(string)), Types(Handler(greeter, "greet")));
        Assert.Equal((null, typeof(string)), Types(Handler(greeter, "ping")));
        Assert.Equal((typeof(int), typeof(int)), Types(Handler(greeter, "twice")));
        Assert.Equal((typeof(string), typeof(string)), Types(Handler(greeter, "shout")));
        Assert.Equal((typeof(string), null), Types(Handler(greeter, "log")));
        Assert.Equal((null, null), Types(Handler(greeter, "noop")));
    }

    [Fact]
    public void Attribute_names_and_documentation_override_the_defaults()
    {
        var service = ServiceTypeScanner.Scan(typeof(Greeter), ServiceKind.Service, new ServiceOptions());

        Assert.Equal("greeter", service.Name);
        Assert.Equal("Says hello.", service.Options.Documentation);
        Assert.All(service.Handlers, h => Assert.Equal(HandlerKind.Shared, h.Kind));

        var counter = ServiceTypeScanner.Scan(typeof(Counter), ServiceKind.VirtualObject, new ServiceOptions());
        Assert.Equal("Clears the counter.", Handler(counter, "reset_all").Options.Documentation);
    }

    [Fact]
    public void Workflow_has_one_run_handler_and_shared_handlers()
    {
        var service = ServiceTypeScanner.Scan(typeof(Signup), ServiceKind.Workflow, new ServiceOptions());

        Assert.Equal(HandlerKind.Workflow, Handler(service, "run").Kind);
        Assert.Equal(HandlerKind.Shared, Handler(service, "status").Kind);
    }

    [Fact]
    public void A_class_without_attribute_takes_its_kind_from_the_registration_and_its_name_from_the_class()
    {
        var service = ServiceTypeScanner.Scan(typeof(PlainObject), ServiceKind.VirtualObject, new ServiceOptions());

        Assert.Equal("PlainObject", service.Name);
        Assert.Equal(HandlerKind.Exclusive, Handler(service, "echo").Kind);
    }

    [Fact]
    public void Handler_options_configured_on_the_service_reach_the_handler()
    {
        var options = new ServiceOptions().ConfigureHandler("add", h => h.InactivityTimeout = TimeSpan.FromMinutes(3));

        var service = ServiceTypeScanner.Scan(typeof(Counter), ServiceKind.VirtualObject, options);

        Assert.Equal(TimeSpan.FromMinutes(3), Handler(service, "add").Options.InactivityTimeout);
        Assert.Null(Handler(service, "get").Options.InactivityTimeout);
    }

    [Theory]
    [InlineData(typeof(Counter), ServiceKind.Service, "is marked [VirtualObject] but is registered as a service")]
    [InlineData(typeof(Greeter), ServiceKind.Workflow, "is marked [Service] but is registered as a workflow")]
    [InlineData(typeof(NoHandlers), ServiceKind.Service, "has no [Handler] methods")]
    [InlineData(typeof(ObjectContextInService), ServiceKind.Service, "takes IObjectContext, but handlers of a service take IContext")]
    [InlineData(typeof(PlainContextInObject), ServiceKind.VirtualObject, "takes IContext, but handlers of a virtual object take IObjectContext (exclusive) or ISharedObjectContext (shared)")]
    [InlineData(typeof(WorkflowContextInObject), ServiceKind.VirtualObject, "takes IWorkflowContext, but handlers of a virtual object")]
    [InlineData(typeof(ObjectContextInWorkflow), ServiceKind.Workflow, "takes IObjectContext, but handlers of a workflow take IWorkflowContext (the run handler) or ISharedWorkflowContext (shared)")]
    [InlineData(typeof(WorkflowWithoutRun), ServiceKind.Workflow, "must have exactly one run handler (taking IWorkflowContext), but has 0")]
    [InlineData(typeof(WorkflowWithTwoRuns), ServiceKind.Workflow, "must have exactly one run handler (taking IWorkflowContext), but has 2")]
    [InlineData(typeof(DuplicateHandlerNames), ServiceKind.Service, "has two handlers named 'same'")]
    [InlineData(typeof(DashInHandlerName), ServiceKind.Service, "invalid handler name 'do-it'")]
    [InlineData(typeof(ReservedServiceName), ServiceKind.Service, "Invalid service name 'restateThing': Restate reserves names starting with 'restate'")]
    [InlineData(typeof(OpenApiServiceName), ServiceKind.Service, "Invalid service name 'openapi'")]
    [InlineData(typeof(DigitFirstServiceName), ServiceKind.Service, "Invalid service name '9lives': it does not match")]
    [InlineData(typeof(SynchronousHandler), ServiceKind.Service, "returns Int32; handlers are asynchronous and return Task, Task<T>, ValueTask or ValueTask<T>")]
    [InlineData(typeof(NoContextParameter), ServiceKind.Service, "must take a context first")]
    [InlineData(typeof(ThreeParameters), ServiceKind.Service, "takes 3 parameters")]
    [InlineData(typeof(PrivateHandler), ServiceKind.Service, "Handler method PrivateHandler.A must be public")]
    [InlineData(typeof(GenericHandler), ServiceKind.Service, "cannot be generic")]
    [InlineData(typeof(CancellationTokenInput), ServiceKind.Service, "takes a CancellationToken as its input")]
    [InlineData(typeof(AbstractService), ServiceKind.Service, "must be a concrete, non-generic class")]
    public void Invalid_definitions_fail_with_a_message_that_names_the_problem(Type type, ServiceKind kind, string expected)
    {
        var error = Assert.Throws<RestateDefinitionException>(() => ServiceTypeScanner.Scan(type, kind, new ServiceOptions()));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_for_a_handler_the_service_does_not_have_are_an_error()
    {
        var options = new ServiceOptions().ConfigureHandler("missing", h => h.IngressPrivate = true);

        var error = Assert.Throws<RestateDefinitionException>(() => ServiceTypeScanner.Scan(typeof(Counter), ServiceKind.VirtualObject, options));

        Assert.Contains("configures options for handler 'missing', which it does not have", error.Message, StringComparison.Ordinal);
    }

    private static HandlerDefinition Handler(ServiceDefinition service, string name) =>
        Assert.Single(service.Handlers, h => h.Name == name);

    private static (Type? Input, Type? Output) Types(HandlerDefinition handler) => (handler.InputType, handler.OutputType);
}
