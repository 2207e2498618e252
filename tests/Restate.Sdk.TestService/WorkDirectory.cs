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

    /// <summary>One line per start of a <c>Run</c> closure, failed and killed attempts included.</summary>
    public string RunAttemptLog => System.IO.Path.Combine(Path, "run-attempts.log");

    /// <summary>Exists once a run that fails its first attempt has failed it.</summary>
    public string FailedOnceMarker => System.IO.Path.Combine(Path, "failed-once");

    /// <summary>The id of the awakeable a handler waits for, for the test to resolve.</summary>
    public string AwakeableIdFile => System.IO.Path.Combine(Path, "awakeable-id");
}
