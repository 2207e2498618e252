using System.Diagnostics;
using System.Text;

namespace Restate.Sdk.PackageTests;

/// <summary>
/// The running sample (<see cref="SampleProject"/>): started from its build output, ready once it prints the ingress
/// URL. Dispose closes its standard input, so it stops its restate-server and exits; what is still alive after that
/// is killed, children included.
/// </summary>
public sealed class SampleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SampleProcess(Process process) => _process = process;

    public Uri IngressUrl { get; private set; } = null!;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<SampleProcess> StartAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        var sample = new SampleProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        try
        {
            await sample.WaitUntilReadyAsync(timeout);
            return sample;
        }
        catch
        {
            await sample.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                try
                {
                    await _process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.Exited += (_, _) => _ready.TrySetException(
            new InvalidOperationException($"The sample exited before it was ready:{Environment.NewLine}{Output}"));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        try
        {
            IngressUrl = await _ready.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The sample was not ready within {timeout}:{Environment.NewLine}{Output}");
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.StartsWith(SampleProject.ReadyPrefix, StringComparison.Ordinal))
        {
            _ready.TrySetResult(new Uri(line[SampleProject.ReadyPrefix.Length..].Trim()));
        }
    }
}
