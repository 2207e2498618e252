using System.Diagnostics;
using System.Globalization;

namespace Restate.Sdk.Local.Internal;

/// <summary>
/// The settings the server will really use (config file + environment), read from <c>restate-server --dump-config</c>
/// so the URLs and base directory are known even when they come from a config file.
/// </summary>
internal sealed record EffectiveServerConfig(string BaseDirectory, string NodeBindAddress, string AdminBindAddress, string IngressBindAddress)
{
    public static async Task<EffectiveServerConfig> ReadAsync(ProcessStartInfo serverStart, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(serverStart.FileName)
        {
            WorkingDirectory = serverStart.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in serverStart.ArgumentList)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.ArgumentList.Add("--dump-config");
        startInfo.Environment.Clear();
        foreach (var (name, value) in serverStart.Environment)
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo)
            ?? throw new LocalRestateServerException($"Could not run '{startInfo.FileName} --dump-config'.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var output = await stdout.ConfigureAwait(false);
        var errors = await stderr.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new LocalRestateServerException(
                $"restate-server rejected its configuration (exit code {process.ExitCode}): {errors.Trim()} {output.Trim()}".Trim());
        }

        return Parse(output, serverStart.WorkingDirectory);
    }

    /// <summary>Reads the few keys needed from the dumped TOML: top-level <c>base-dir</c>, <c>bind-address</c>, and <c>[admin]</c>/<c>[ingress]</c> <c>bind-address</c>.</summary>
    public static EffectiveServerConfig Parse(string toml, string workingDirectory)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var section = string.Empty;
        foreach (var rawLine in toml.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line.Trim('[', ']').Trim();
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                values[section.Length == 0 ? key : $"{section}.{key}"] = value[1..^1];
            }
        }

        // Unset keys are not printed; these are the server's documented defaults.
        string ValueOr(string key, string fallback) => values.TryGetValue(key, out var value) ? value : fallback;

        var baseDirectory = Path.GetFullPath(ValueOr("base-dir", "restate-data"), workingDirectory);
        return new EffectiveServerConfig(
            baseDirectory,
            ValueOr("bind-address", "[::]:5122"),
            ValueOr("admin.bind-address", "[::]:9070"),
            ValueOr("ingress.bind-address", "[::]:8080"));
    }

    public Uri AdminUrl => ToLoopbackUrl(AdminBindAddress);

    public Uri IngressUrl => ToLoopbackUrl(IngressBindAddress);

    public int NodePort => PortOf(NodeBindAddress);

    /// <summary>A wildcard bind address is reached through loopback.</summary>
    private static Uri ToLoopbackUrl(string bindAddress)
    {
        var port = PortOf(bindAddress);
        var host = bindAddress[..bindAddress.LastIndexOf(':')];
        host = host switch
        {
            "0.0.0.0" => "127.0.0.1",
            "[::]" or "::" => "[::1]",
            _ => host,
        };
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"http://{host}:{port}/"));
    }

    private static int PortOf(string bindAddress)
    {
        var colon = bindAddress.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(bindAddress[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            throw new LocalRestateServerException($"Cannot read a port from the bind address '{bindAddress}'.");
        }

        return port;
    }
}
