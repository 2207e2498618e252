using Restate.Sdk.Endpoint;

namespace Restate.Sdk.Tests.Endpoint;

public sealed class DefinitionValidatorTests
{
    [Fact]
    public void Workflow_completion_retention_is_only_for_the_run_handler()
    {
        var error = Assert.Throws<RestateDefinitionException>(() => new WorkflowBuilder("Wf")
            .Handler("run", (IWorkflowContext ctx) => Task.CompletedTask)
            .SharedHandler("status", (ISharedWorkflowContext ctx) => Task.CompletedTask, h => h.WorkflowCompletionRetention = TimeSpan.FromDays(1))
            .Build());

        Assert.Contains("Handler 'status' of Workflow 'Wf' sets WorkflowCompletionRetention", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Idempotency_retention_is_not_for_the_run_handler()
    {
        var error = Assert.Throws<RestateDefinitionException>(() => new WorkflowBuilder("Wf")
            .Handler("run", (IWorkflowContext ctx) => Task.CompletedTask, h => h.IdempotencyRetention = TimeSpan.FromDays(1))
            .Build());

        Assert.Contains("sets IdempotencyRetention, which a workflow's run handler cannot have", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_handler_accepts_workflow_completion_retention()
    {
        var service = new WorkflowBuilder("Wf")
            .Handler("run", (IWorkflowContext ctx) => Task.CompletedTask, h => h.WorkflowCompletionRetention = TimeSpan.FromDays(1))
            .Build();

        Assert.Equal(TimeSpan.FromDays(1), service.Handlers[0].Options.WorkflowCompletionRetention);
    }

    [Fact]
    public void Negative_durations_are_an_error()
    {
        var error = Assert.Throws<RestateDefinitionException>(() =>
        {
            var builder = new ServiceBuilder("Svc").Handler("a", (IContext ctx) => Task.CompletedTask);
            builder.Options.AbortTimeout = TimeSpan.FromSeconds(-1);
            return builder.Build();
        });

        Assert.Contains("Service 'Svc' has AbortTimeout = -00:00:01; durations cannot be negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lazy_state_on_a_plain_service_is_an_error()
    {
        var error = Assert.Throws<RestateDefinitionException>(() =>
        {
            var builder = new ServiceBuilder("Svc").Handler("a", (IContext ctx) => Task.CompletedTask);
            builder.Options.EnableLazyState = true;
            return builder.Build();
        });

        Assert.Contains("a plain service has no state", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_handler_in_a_private_service_is_an_error()
    {
        var error = Assert.Throws<RestateDefinitionException>(() =>
        {
            var builder = new VirtualObjectBuilder("Obj").Handler("a", (IObjectContext ctx) => Task.CompletedTask, h => h.IngressPrivate = false);
            builder.Options.IngressPrivate = true;
            return builder.Build();
        });

        Assert.Contains("sets IngressPrivate = false inside an ingress-private service", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, null, null, null, "RetryPolicy.MaxAttempts = 0; it must be at least 1")]
    [InlineData(null, 0.0, null, null, "RetryPolicy.ExponentiationFactor = 0; it must be a finite number above 0")]
    [InlineData(null, double.NaN, null, null, "RetryPolicy.ExponentiationFactor = NaN")]
    [InlineData(null, null, 10, 5, "RetryPolicy.MaxInterval (00:00:05) shorter than RetryPolicy.InitialInterval (00:00:10)")]
    public void Invalid_retry_policies_are_an_error(int? maxAttempts, double? factor, int? initialSeconds, int? maxSeconds, string expected)
    {
        var error = Assert.Throws<RestateDefinitionException>(() =>
        {
            var builder = new ServiceBuilder("Svc").Handler("a", (IContext ctx) => Task.CompletedTask);
            builder.Options.RetryPolicy = new InvocationRetryPolicy
            {
                MaxAttempts = maxAttempts,
                ExponentiationFactor = factor,
                InitialInterval = initialSeconds is null ? null : TimeSpan.FromSeconds(initialSeconds.Value),
                MaxInterval = maxSeconds is null ? null : TimeSpan.FromSeconds(maxSeconds.Value),
            };
            return builder.Build();
        });

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_handlers_are_validated_like_scanned_ones()
    {
        var badName = Assert.Throws<RestateDefinitionException>(() =>
            new ServiceBuilder("Svc").Handler("a.b", (IContext ctx) => Task.CompletedTask).Build());
        var noHandlers = Assert.Throws<RestateDefinitionException>(() => new ServiceBuilder("Svc").Build());
        var badService = Assert.Throws<RestateDefinitionException>(() =>
            new ServiceBuilder("-svc").Handler("a", (IContext ctx) => Task.CompletedTask).Build());

        Assert.Contains("Invalid handler name 'a.b' in Service 'Svc'", badName.Message, StringComparison.Ordinal);
        Assert.Contains("Service 'Svc' has no handlers", noHandlers.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid service name '-svc'", badService.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_rejects_two_services_with_one_name()
    {
        var registry = new ServiceRegistry();
        registry.Add(new ServiceBuilder("Same").Handler("a", (IContext ctx) => Task.CompletedTask).Build());

        var error = Assert.Throws<RestateDefinitionException>(() =>
            registry.Add(new VirtualObjectBuilder("Same").Handler("a", (IObjectContext ctx) => Task.CompletedTask).Build()));

        Assert.Contains("Two services are named 'Same'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Counter", true)]
    [InlineData("_1x", true)]
    [InlineData("my.svc-v2", true)]
    [InlineData("_", false)]
    [InlineData("1abc", false)]
    [InlineData("a b", false)]
    [InlineData("Restate", false)]
    [InlineData("OpenAPI", false)]
    [InlineData("", false)]
    public void Service_name_rules(string name, bool valid) => Assert.Equal(valid, NameRules.ServiceNameProblem(name) is null);

    [Theory]
    [InlineData("add", true)]
    [InlineData("_x", true)]
    [InlineData("get_count2", true)]
    [InlineData("a.b", false)]
    [InlineData("a-b", false)]
    [InlineData("__", false)]
    [InlineData("2a", false)]
    public void Handler_name_rules(string name, bool valid) => Assert.Equal(valid, NameRules.HandlerNameProblem(name) is null);
}
