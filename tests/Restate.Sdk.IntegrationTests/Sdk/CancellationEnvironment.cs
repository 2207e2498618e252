using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;
using Restate.Sdk.IntegrationTests.Sdk.Services;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>The <see cref="Patient"/> service over a bidi stream (the invocation runs while it is cancelled).</summary>
public sealed class CancellationEnvironment : SdkTestEnvironment
{
    protected override void AddServices(RestateBuilder restate) => restate.AddService<Patient>();
}
