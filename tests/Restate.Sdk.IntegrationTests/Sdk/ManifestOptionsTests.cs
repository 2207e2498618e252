using Restate.Sdk.Clients;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>Options given at registration reach the server through the discovery manifest.</summary>
public sealed class ManifestOptionsTests(ManifestOptionsEnvironment env) : IClassFixture<ManifestOptionsEnvironment>
{
    [Fact]
    public async Task Service_and_handler_options_show_in_the_servers_service_metadata()
    {
        var service = await env.Admin.GetServiceAsync("TicketFlow");

        Assert.Equal(ServiceType.Workflow, service.Type);
        Assert.Equal("Files a ticket.", service.Documentation);
        Assert.Equal("sdk", service.Metadata?["team"]);
        Assert.Equal("1m 30s", service.InactivityTimeout);
        Assert.Equal("2m", service.AbortTimeout);
        Assert.Equal("3h", service.IdempotencyRetention);
        Assert.Equal("2h", service.JournalRetention);
        Assert.Equal("4h", service.WorkflowCompletionRetention);
        Assert.True(service.EnableLazyState);

        var run = Assert.Single(service.Handlers, h => h.Name == "run");
        Assert.Equal(HandlerType.Workflow, run.Type);
        Assert.Equal("Runs once per ticket.", run.Documentation);
        Assert.True(run.Public);

        var peek = Assert.Single(service.Handlers, h => h.Name == "peek");
        Assert.Equal(HandlerType.Shared, peek.Type);
        Assert.False(peek.Public);
        Assert.Equal("30s", peek.InactivityTimeout);
    }

    [Fact]
    public async Task The_workflow_runs_under_its_configured_name()
    {
        Assert.Equal("T-1: printer jam", await env.Ingress.CallAsync<string>(IngressTarget.ForWorkflow("TicketFlow", "T-1", "run"), "printer jam"));
    }
}
