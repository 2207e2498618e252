using System.Globalization;
using Restate.Sdk;

namespace Restate.Sdk.TestService;

/// <summary>
/// The command line of the test service: <c>--port N</c> (or <c>RESTATE_TEST_SERVICE_PORT</c>),
/// <c>--mode bidi|request-response</c>, <c>--work-dir DIR</c> (where side effects leave their traces) and an
/// optional <c>--parent-pid N</c> (exit when that process is gone, so a crashed test run leaves nothing behind).
/// </summary>
public sealed record TestServiceSettings(int Port, ProtocolMode Mode, string WorkDirectory, int? ParentProcessId)
{
    public const string PortVariable = "RESTATE_TEST_SERVICE_PORT";

    public static TestServiceSettings Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected '--name value' pairs, got '{args[i]}'. {Usage}");
            }

            values[args[i][2..]] = args[++i];
        }

        var portText = values.GetValueOrDefault("port") ?? Environment.GetEnvironmentVariable(PortVariable)
            ?? throw new ArgumentException($"No port given. {Usage}");
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"'{portText}' is not a TCP port. {Usage}");
        }

        var mode = values.GetValueOrDefault("mode", "bidi") switch
        {
            "bidi" => ProtocolMode.BidiStream,
            "request-response" => ProtocolMode.RequestResponse,
            var other => throw new ArgumentException($"Unknown mode '{other}'. {Usage}"),
        };

        var workDirectory = values.GetValueOrDefault("work-dir") ?? throw new ArgumentException($"No work directory given. {Usage}");
        int? parent = values.TryGetValue("parent-pid", out var parentText)
            ? int.Parse(parentText, NumberStyles.None, CultureInfo.InvariantCulture)
            : null;
        return new TestServiceSettings(port, mode, Path.GetFullPath(workDirectory), parent);
    }

    private const string Usage =
        "Usage: Restate.Sdk.TestService --port N --mode bidi|request-response --work-dir DIR [--parent-pid N]";
}
