using System.Text;
using System.Text.Json;
using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;
using static Restate.Sdk.Tests.StateMachine.Frame;

namespace Restate.Sdk.Tests.Fuzz;

/// <summary>Decides whether the endpoint's answer to a fuzz case is right.</summary>
internal static class FuzzOracle
{
    public static FuzzOutcome Judge(FuzzCase fuzzCase, HttpResponseMessage response, byte[] body)
    {
        var status = (int)response.StatusCode;
        var text = Encoding.UTF8.GetString(body);
        switch (fuzzCase.Expect)
        {
            case FuzzExpectation.Aborted:
                return new FuzzOutcome(fuzzCase, "aborted", null);
            case FuzzExpectation.NotFound:
                return Status(fuzzCase, status, 404, text);
            case FuzzExpectation.MethodNotAllowed:
                return Status(fuzzCase, status, 405, text);
            case FuzzExpectation.UnsupportedMediaType:
                var expectedWords = fuzzCase.Method == HttpMethod.Get ? "Unsupported Accept" : "Unsupported content type";
                return status == 415 && !text.Contains(expectedWords, StringComparison.Ordinal)
                    ? new FuzzOutcome(fuzzCase, "415", $"415 without '{expectedWords}': {text}")
                    : Status(fuzzCase, status, 415, text);
            case FuzzExpectation.Manifest:
                return Manifest(fuzzCase, response, status, body, text);
            default:
                return Invocation(fuzzCase, response, status, body, text);
        }
    }

    private static FuzzOutcome Status(FuzzCase fuzzCase, int actual, int expected, string text) =>
        new(fuzzCase, actual.ToString(System.Globalization.CultureInfo.InvariantCulture), actual == expected ? null : $"expected {expected}, got {actual}: {Shorten(text)}");

    private static FuzzOutcome Manifest(FuzzCase fuzzCase, HttpResponseMessage response, int status, byte[] body, string text)
    {
        var expectedType = $"application/vnd.restate.endpointmanifest.v{fuzzCase.ManifestVersion}+json";
        var contentType = response.Content.Headers.ContentType?.ToString();
        if (status != 200 || contentType != expectedType)
        {
            return new FuzzOutcome(fuzzCase, "discover " + status, $"expected 200 {expectedType}, got {status} {contentType}: {Shorten(text)}");
        }

        try
        {
            using var manifest = JsonDocument.Parse(body);
            return manifest.RootElement.GetProperty("services").GetArrayLength() == 2
                ? new FuzzOutcome(fuzzCase, "200 manifest", null)
                : new FuzzOutcome(fuzzCase, "200 manifest", "the manifest does not list the two services");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new FuzzOutcome(fuzzCase, "200 manifest", $"the manifest is not valid: {e.Message}");
        }
    }

    private static FuzzOutcome Invocation(FuzzCase fuzzCase, HttpResponseMessage response, int status, byte[] body, string text)
    {
        if (status != 200)
        {
            return new FuzzOutcome(fuzzCase, status.ToString(System.Globalization.CultureInfo.InvariantCulture), $"expected 200 with frames, got {status}: {Shorten(text)}");
        }

        var contentType = response.Content.Headers.ContentType?.ToString();
        if (contentType != fuzzCase.ContentType)
        {
            return new FuzzOutcome(fuzzCase, "200 bad content type", $"the response content type {contentType} is not the request's {fuzzCase.ContentType}");
        }

        List<StateMachine.Frame> frames;
        try
        {
            frames = DecodeAll(body);
        }
        catch (ProtocolException e)
        {
            return new FuzzOutcome(fuzzCase, "200 bad frames", $"the response is not a valid frame stream: {e.Message}");
        }

        var terminalAt = frames.FindIndex(f => f.Type is MessageType.End or MessageType.Suspension or MessageType.Error);
        if (terminalAt < 0 || terminalAt != frames.Count - 1)
        {
            return new FuzzOutcome(fuzzCase, "200 unterminated", $"the response does not end with exactly one End, Suspension or Error: {string.Join(", ", frames.Select(f => f.Type))}");
        }

        var last = frames[^1];
        var error = last.Message as ErrorMessage;
        var kind = error is null ? $"200 {last.Type}" : $"200 Error {error.Code}";
        var failure = fuzzCase.Expect switch
        {
            FuzzExpectation.Completed when error is not null => $"a valid journal failed: {error.Code} {error.Message}",
            FuzzExpectation.ProtocolViolation when error?.Code != ErrorCodes.ProtocolViolation => $"expected a protocol violation (571), got {kind}",
            FuzzExpectation.InvocationStream when error is not null && !IsExpected(error) =>
                $"the SDK failed with {error.Code}, not a protocol error: {error.Message} {error.Stacktrace}",
            _ => null,
        };
        return new FuzzOutcome(fuzzCase, kind, failure);
    }

    /// <summary>
    /// A protocol error (570, 571), or a retryable 500 because the handler could not deserialize a
    /// journaled value the mutation corrupted (a run result, a state value): the SDK reports what the
    /// handler threw, as it must. Any other failure is a bug in the SDK.
    /// </summary>
    private static bool IsExpected(ErrorMessage error) =>
        error.Code is ErrorCodes.ProtocolViolation or ErrorCodes.JournalMismatch
        || (error.Code == ErrorCodes.Internal && error.Stacktrace.StartsWith("System.Text.Json.JsonException", StringComparison.Ordinal));

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
