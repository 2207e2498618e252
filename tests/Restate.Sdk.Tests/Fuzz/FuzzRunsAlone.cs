namespace Restate.Sdk.Tests.Fuzz;

/// <summary>
/// The fuzz test measures the process's managed memory, so it runs alone, after the parallel tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzRunsAlone
{
    public const string Name = "Endpoint fuzz";
}
