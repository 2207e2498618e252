namespace SkAgentSession.Models.Scripted;

/// <summary>How the scripted model cuts what it streams into tokens; the pieces always concatenate to the input.</summary>
internal static class ScriptedTokenizer
{
    private const int ArgumentPieceLength = 8;

    /// <summary>Words with their trailing whitespace ("Hello, " "world!"); leading whitespace stays with the first word.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var tokens = new List<string>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            tokens.Add(text[start..i]);
            start = i;
        }

        return tokens;
    }

    /// <summary>Short pieces of tool-call arguments, never splitting a surrogate pair.</summary>
    public static IReadOnlyList<string> ArgumentPieces(string arguments)
    {
        var pieces = new List<string>();
        var start = 0;
        while (start < arguments.Length)
        {
            var end = Math.Min(start + ArgumentPieceLength, arguments.Length);
            if (end < arguments.Length && char.IsHighSurrogate(arguments[end - 1]))
            {
                end++;
            }

            pieces.Add(arguments[start..end]);
            start = end;
        }

        return pieces;
    }
}
