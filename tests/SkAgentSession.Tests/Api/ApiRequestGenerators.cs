using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace SkAgentSession.Tests.Api;

/// <summary>
/// FsCheck generators for requests to the session API: session ids, content types, bodies and
/// idempotency keys, good and bad, each bad one tagged with the words its error must contain.
/// The rules come from the API contract (ids <c>[A-Za-z0-9_.-]{1,128}</c>, a JSON body with a
/// non-empty <c>message</c> of at most 32 KiB of UTF-8, keys of at most 256 visible ASCII characters).
/// </summary>
internal static class ApiRequestGenerators
{
    private const int MaxMessageBytes = 32 * 1024;
    private const string IdChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-";
    private const string TextChars = "abcXYZ019 .,!?'\"\\/{}[]:;<>@#$%^&*()_+-=~`|\t\néüß中文\u0001\u001f\u007f\u2028";

    private static readonly string[] NotIdChars =
        [" ", "/", "?", "#", "%", "+", ":", "@", "~", "!", "*", "'", "(", ")", ",", ";", "=", "&", "$", "\"", "<", ">", "\\", "^", "`", "{", "|", "}", "[", "]", "é", "中", "😀", "\t", "\u0001", "\u007f"];

    private static readonly string[] JsonContentTypes =
        ["application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "application/problem+json", "application/vnd.skas.chat+json"];

    private static readonly string?[] OtherContentTypes =
        [null, "text/plain", "text/json", "application/jsonp", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream", "json", "application/", "*/*"];

    private static readonly string[] Whitespace = [" ", "\t", "\n", "\r\n", "\u00a0", "\u2003", "\u3000"];

    private static readonly string[] NotJson =
        ["hello", "{", "{\"message\": \"hi\"", "message=hi", "\"unterminated", "{'message': 'hi'}", "{\"message\": \"hi\",}", "nul", "{\"message\" \"hi\"}", "\u0000"];

    private static readonly string[] NotObjects = ["[]", "[\"hi\"]", "\"hi\"", "42", "null", "true", "[{\"message\": \"hi\"}]"];

    private static readonly string[] NotStrings = ["42", "null", "true", "{}", "[\"hi\"]", "1e400", "{\"text\": \"hi\"}"];

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Gen<ApiRequest> PostMessage { get; } =
        from id in Frequency((4, ValidId()), (1, InvalidId(allowEmpty: true)))
        from contentType in Frequency((5, Gen.Elements(JsonContentTypes).Select(c => ApiPart<string?>.Good(c))), (1, InvalidContentType()))
        from key in Frequency((5, ValidKey()), (1, InvalidKey()))
        from body in Frequency((4, ValidBody()), (3, InvalidBody()))
        select new ApiRequest(HttpMethod.Post, id, contentType, body.Part, key) { Message = body.Message };

    public static Gen<ApiRequest> GetOrDelete { get; } =
        from method in Gen.Elements(HttpMethod.Get, HttpMethod.Delete)
        from id in Frequency((1, ValidId()), (2, InvalidId(allowEmpty: false)))
        select new ApiRequest(method, id, ApiPart<string?>.Good(null), ApiPart<byte[]>.Good([]), ApiPart<string?>.Good(null));

    private static Gen<T> Frequency<T>(params (int Weight, Gen<T> Gen)[] choices) => Gen.Frequency(choices.Select(c => (c.Weight, c.Gen)));

    private static Gen<string> StringOf(string chars, int min, int max) =>
        from length in Gen.Choose(min, max)
        from picked in Gen.ArrayOf(Gen.Elements(chars.ToCharArray()), length)
        select new string(picked);

    // Ids made only of dots are valid by the rule but cannot be addressed: URL paths normalise "." and "..".
    private static Gen<ApiPart<string>> ValidId() =>
        StringOf(IdChars, 1, 128).Where(id => id.Any(c => c != '.')).Select(ApiPart<string>.Good);

    private static Gen<ApiPart<string>> InvalidId(bool allowEmpty)
    {
        var tooLong = StringOf(IdChars, 129, 300).Select(id => ApiPart<string>.Bad(id, "session id"));
        var badChar =
            from prefix in StringOf(IdChars, 0, 20)
            from bad in Gen.Elements(NotIdChars)
            from suffix in StringOf(IdChars, 0, 20)
            select ApiPart<string>.Bad(prefix + bad + suffix, "session id");
        return allowEmpty
            ? Frequency((2, tooLong), (6, badChar), (1, Gen.Constant(ApiPart<string>.Bad(string.Empty, "No such API endpoint"))))
            : Frequency((1, tooLong), (3, badChar));
    }

    private static Gen<ApiPart<string?>> InvalidContentType() =>
        Frequency(
            (3, Gen.Elements(OtherContentTypes)),
            (1, StringOf("abcdefghijklmnop/-.", 1, 20).Where(c => !c.Contains("json", StringComparison.Ordinal)).Select(c => (string?)c)))
        .Select(c => ApiPart<string?>.Bad(c, "content type"));

    private static Gen<ApiPart<string?>> ValidKey() =>
        Frequency(
            (2, Gen.Constant<string?>(null)),
            (1, Gen.Constant<string?>(string.Empty)),
            (6, VisibleAscii(1, 64).Select(k => (string?)k)),
            (1, VisibleAscii(250, 256).Select(k => (string?)k)))
        .Select(ApiPart<string?>.Good);

    private static Gen<ApiPart<string?>> InvalidKey() =>
        Frequency(
            (2, VisibleAscii(257, 2000)),
            (2, from a in VisibleAscii(1, 10) from gap in Gen.Elements(" ", "\t", " \t ") from b in VisibleAscii(1, 10) select a + gap + b),
            (1, from a in VisibleAscii(1, 10) from odd in Gen.Elements("é", "ключ", "中", "😀", "\u00a0") select a + odd))
        .Select(k => ApiPart<string?>.Bad(k, "Idempotency-Key"));

    private static Gen<string> VisibleAscii(int min, int max) =>
        StringOf(new string(Enumerable.Range(0x21, 0x7e - 0x20).Select(c => (char)c).ToArray()), min, max);

    private static Gen<(ApiPart<byte[]> Part, string? Message)> ValidBody() =>
        from message in ValidMessage()
        from extra in Gen.Elements(string.Empty, "\"other\": 1, ", "\"Message\": 5, ", "\"nested\": {\"message\": []}, ")
        from relaxed in Gen.Elements(true, false)
        from padding in Gen.Elements(string.Empty, " ", "\n\t ", new string(' ', 5000))
        select (ApiPart<byte[]>.Good(Utf8($"{padding}{{{extra}\"message\": {JsonSerializer.Serialize(message, relaxed ? Relaxed : JsonSerializerOptions.Default)}}}{padding}")), (string?)message);

    private static Gen<string> ValidMessage() =>
        Frequency(
            (8, from text in StringOf(TextChars, 0, 60) from anchor in Gen.Elements("a", "é", "中", "😀", "?") select text + anchor),
            (1, from unit in Gen.Elements("a", "é", "中", "😀") select Repeat(unit, MaxMessageBytes / Encoding.UTF8.GetByteCount(unit))));

    private static Gen<(ApiPart<byte[]> Part, string? Message)> InvalidBody()
    {
        Gen<ApiPart<byte[]>> Bad(Gen<string> json, string words) => json.Select(j => ApiPart<byte[]>.Bad(Utf8(j), words));
        return Frequency(
                (1, Gen.Constant(ApiPart<byte[]>.Bad([], "empty"))),
                (2, Bad(Gen.Elements(NotJson), "not valid JSON")),
                (1, Gen.Constant(ApiPart<byte[]>.Bad([.. "{\"message\": \""u8, 0xff, 0xfe, .. "\"}"u8], "not valid"))),
                (1, Bad(Gen.Choose(65, 300).Select(depth => new string('[', depth) + new string(']', depth)), "not valid JSON")),
                (2, Bad(Gen.Elements(NotObjects), "JSON object")),
                (2, Bad(Gen.Elements("{}", "{\"msg\": \"hi\"}", "{\"Message\": \"hi\"}", "{\"MESSAGE\": \"hi\"}"), "'message'")),
                (2, Bad(Gen.Elements(NotStrings).Select(v => $"{{\"message\": {v}}}"), "must be a string")),
                (2, Bad(Gen.NonEmptyListOf(Gen.Elements(Whitespace)).Select(w => $"{{\"message\": {JsonSerializer.Serialize(string.Concat(w))}}}").Or(Gen.Constant("{\"message\": \"\"}")), "empty")),
                (2, Bad(Gen.Elements("a", "é", "中", "😀").Select(unit => $"{{\"message\": \"{Repeat(unit, (MaxMessageBytes / Encoding.UTF8.GetByteCount(unit)) + 1)}\"}}"), "32 KiB")),
                (1, Bad(Gen.Elements(300_000, 1_000_000).Select(size => $"{{\"message\": \"{new string('x', size)}\"}}"), "32 KiB")),
                (1, Bad(Gen.Elements("{\"message\": \"\\ud800\"}", "{\"message\": \"\\udc00x\"}", "{\"message\": \"a\\ud83d\"}"), "not valid Unicode")))
            .Select(part => (part, (string?)null));
    }

    private static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
