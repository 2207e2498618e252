using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;
using Restate.Sdk.IntegrationTests.Sdk.Services;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>The <see cref="Ticket"/> workflow (<c>TicketFlow</c>) with every service and handler option set.</summary>
public sealed class ManifestOptionsEnvironment : SdkTestEnvironment
{
    protected override void AddServices(RestateBuilder restate) => restate
        .AddWorkflow<Ticket>(options =>
        {
            options.Documentation = "Files a ticket.";
            options.Metadata["team"] = "sdk";
            options.InactivityTimeout = TimeSpan.FromSeconds(90);
            options.AbortTimeout = TimeSpan.FromMinutes(2);
            options.IdempotencyRetention = TimeSpan.FromHours(3);
            options.JournalRetention = TimeSpan.FromHours(2);
            options.EnableLazyState = true;
            options.ConfigureHandler("run", run =>
            {
                run.Documentation = "Runs once per ticket.";
                run.WorkflowCompletionRetention = TimeSpan.FromHours(4);
            });
            options.ConfigureHandler("peek", peek =>
            {
                peek.IngressPrivate = true;
                peek.InactivityTimeout = TimeSpan.FromSeconds(30);
            });
        });
}
