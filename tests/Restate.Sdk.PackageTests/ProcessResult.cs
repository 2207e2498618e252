namespace Restate.Sdk.PackageTests;

/// <summary>How a finished command ended, with everything it printed (stdout and stderr interleaved).</summary>
public sealed record ProcessResult(string Command, int ExitCode, string Output)
{
    public ProcessResult EnsureSuccess() =>
        ExitCode == 0
            ? this
            : throw new InvalidOperationException($"'{Command}' exited with {ExitCode}:{Environment.NewLine}{Output}");
}
