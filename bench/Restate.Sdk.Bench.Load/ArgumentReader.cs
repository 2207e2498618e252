using System.Globalization;

namespace Restate.Sdk.Bench.Load;

/// <summary>Reads <c>--name value</c> pairs; a missing or malformed value is an <see cref="ArgumentException"/> that names it.</summary>
internal sealed class ArgumentReader
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public ArgumentReader(IEnumerable<string> args)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current;
            if (!name.StartsWith("--", StringComparison.Ordinal) || !e.MoveNext())
            {
                throw new ArgumentException($"Expected '--name value' pairs, got '{name}'.");
            }

            _values[name[2..]] = e.Current;
        }
    }

    public string String(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"Missing --{name}.");

    public int Int(string name, int? defaultValue = null)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return defaultValue ?? throw new ArgumentException($"Missing --{name}.");
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"--{name} must be a positive integer, got '{text}'.");
    }
}
