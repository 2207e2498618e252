namespace SkAgentSession.Tests.Api;

/// <summary>A generated part of a request: its value, whether the API must accept it, and what an error about it must say.</summary>
internal sealed record ApiPart<T>(T Value, bool Valid, string ErrorWords)
{
    public static ApiPart<T> Good(T value) => new(value, true, string.Empty);

    public static ApiPart<T> Bad(T value, string errorWords) => new(value, false, errorWords);
}
