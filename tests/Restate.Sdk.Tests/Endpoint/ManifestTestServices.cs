using Restate.Sdk.Endpoint;

namespace Restate.Sdk.Tests.Endpoint;

/// <summary>Definitions with every option set, shared by the manifest tests and the real-server test.</summary>
internal static class ManifestTestServices
{
    public static ServiceDefinition Counter()
    {
        var options = new ServiceOptions
        {
            Documentation = "A counter per key.",
            InactivityTimeout = TimeSpan.FromMinutes(5),
            AbortTimeout = TimeSpan.FromMinutes(2),
            IdempotencyRetention = TimeSpan.FromHours(12),
            JournalRetention = TimeSpan.FromHours(1),
            EnableLazyState = true,
            IngressPrivate = false,
            RetryPolicy = new InvocationRetryPolicy
            {
                InitialInterval = TimeSpan.FromMilliseconds(250),
                MaxInterval = TimeSpan.FromSeconds(30),
                MaxAttempts = 10,
                ExponentiationFactor = 1.5,
                OnMaxAttempts = OnMaxAttempts.Kill,
            },
        };
        options.Metadata["team"] = "agents";
        options.ConfigureHandler("add", h =>
        {
            h.Documentation = "Adds to the count.";
            h.Metadata["cost"] = "low";
            h.InactivityTimeout = TimeSpan.FromSeconds(90);
            h.RetryPolicy = new InvocationRetryPolicy { MaxAttempts = 3, OnMaxAttempts = OnMaxAttempts.Pause };
        });
        return ServiceTypeScanner.Scan(typeof(Sdk.Tests.Endpoint.Counter), ServiceKind.VirtualObject, options);
    }

    public static ServiceDefinition Greeter() => ServiceTypeScanner.Scan(typeof(Sdk.Tests.Endpoint.Greeter), ServiceKind.Service, new ServiceOptions());

    public static ServiceDefinition Signup()
    {
        var options = new ServiceOptions { IdempotencyRetention = TimeSpan.FromDays(2) };
        options.ConfigureHandler("run", h => h.WorkflowCompletionRetention = TimeSpan.FromDays(7));
        return ServiceTypeScanner.Scan(typeof(Sdk.Tests.Endpoint.Signup), ServiceKind.Workflow, options);
    }

    public static IReadOnlyList<ServiceDefinition> All() => [Counter(), Greeter(), Signup()];
}
