using System.Text;

namespace SkAgentSession.Tests.Api;

/// <summary>
/// One generated request to the session API, each part tagged with whether it is acceptable and,
/// if not, the words a clear error message about it must contain.
/// </summary>
internal sealed record ApiRequest(HttpMethod Method, ApiPart<string> SessionId, ApiPart<string?> ContentType, ApiPart<byte[]> Body, ApiPart<string?> IdempotencyKey)
{
    /// <summary>The message text when the body holds an acceptable one.</summary>
    public string? Message { get; init; }

    public bool IsPost => Method == HttpMethod.Post;

    /// <summary>The parts that count for this method: GET and DELETE carry only the session id.</summary>
    public IEnumerable<(string Name, bool Valid, string ErrorWords)> Parts =>
        IsPost
            ? [Describe("id", SessionId), Describe("content type", ContentType), Describe("body", Body), Describe("key", IdempotencyKey)]
            : [Describe("id", SessionId)];

    public bool IsValid => Parts.All(p => p.Valid);

    public string Path => $"api/sessions/{Uri.EscapeDataString(SessionId.Value)}" + (IsPost ? "/messages" : string.Empty);

    public override string ToString()
    {
        var body = Encoding.UTF8.GetString(Body.Value);
        return $"{Method} /{Path} content-type={ContentType.Value ?? "none"} key={IdempotencyKey.Value ?? "none"} "
            + $"body({Body.Value.Length} bytes)={(body.Length > 120 ? body[..120] + "…" : body)} "
            + $"[{string.Join(", ", Parts.Where(p => !p.Valid).Select(p => p.Name))}]";
    }

    private static (string, bool, string) Describe<T>(string name, ApiPart<T> part) => (name, part.Valid, part.ErrorWords);
}
