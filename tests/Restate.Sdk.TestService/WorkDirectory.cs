namespace Restate.Sdk.TestService;

/// <summary>The files through which the test service's handlers show the tests what they did (outside the journal).</summary>
public sealed class WorkDirectory(string path)
{
    public string Path { get; } = path;

    /// <summary>One line per execution of the side effect inside the <c>Run</c>.</summary>
    public string SideEffectLog => System.IO.Path.Combine(Path, "side-effects.log");

    /// <summary>One line per attempt that got past the <c>Run</c> (first run or replay).</summary>
    public string AfterRunLog => System.IO.Path.Combine(Path, "after-run.log");

    /// <summary>While this file is missing, the handler holds after its <c>Run</c>, so the test can kill the process there.</summary>
    public string ReleaseFlag => System.IO.Path.Combine(Path, "release");
}
