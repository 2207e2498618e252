using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Org.BouncyCastle.Crypto.Signers;

namespace Restate.Sdk.Hosting.Identity;

/// <summary>
/// Checks that a request comes from a Restate server holding one of the configured signing keys
/// (request identity v1): the <c>x-restate-signature-scheme</c> header says <c>v1</c>, and
/// <c>x-restate-jwt-v1</c> holds an EdDSA JWT whose <c>kid</c> is a configured key, whose signature
/// verifies with it, whose <c>aud</c> is the request's path and which is valid now (no leeway).
/// With no keys configured every request is accepted.
/// </summary>
internal sealed class RequestIdentityVerifier
{
    public const string SchemeHeader = "x-restate-signature-scheme";
    public const string JwtHeader = "x-restate-jwt-v1";
    public const string SchemeV1 = "v1";
    public const string SchemeUnsigned = "unsigned";

    private const string EdDsa = "EdDSA";

    private readonly Dictionary<string, IdentityPublicKey> _keys = new(StringComparer.Ordinal);

    /// <exception cref="FormatException">A key is not a <c>publickeyv1_</c> Ed25519 public key.</exception>
    public RequestIdentityVerifier(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var text in keys)
        {
            var key = IdentityPublicKey.Parse(text);
            _keys.TryAdd(key.KeyId, key);
        }
    }

    public bool IsEnabled => _keys.Count > 0;

    /// <exception cref="InvalidOperationException">A configured key is not a <c>publickeyv1_</c> Ed25519 public key.</exception>
    public static RequestIdentityVerifier FromOptions(RestateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            return new RequestIdentityVerifier(options.IdentityKeys);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"RestateOptions.IdentityKeys: {e.Message}", e);
        }
    }

    /// <summary>Why the request is refused, or <c>null</c> when its identity checks out (or nothing is configured).</summary>
    public string? Verify(HttpContext http, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(http);
        return IsEnabled ? Verify(http.Request.Headers, RequestPath(http), now) : null;
    }

    /// <summary>Why the request is refused, or <c>null</c> when its identity checks out (or nothing is configured).</summary>
    /// <param name="headers">The request headers.</param>
    /// <param name="path">The request path, mount prefix included (see <see cref="NormalisePath"/>).</param>
    /// <param name="now">The current time.</param>
    public string? Verify(IHeaderDictionary headers, string path, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (!IsEnabled)
        {
            return null;
        }

        if (SingleValue(headers, SchemeHeader) is not { } scheme)
        {
            return $"The request has no single {SchemeHeader} header: this endpoint only accepts requests signed by Restate (scheme {SchemeV1}).";
        }

        if (scheme == SchemeUnsigned)
        {
            return $"The request is unsigned ({SchemeHeader}: {SchemeUnsigned}): this endpoint only accepts requests signed by Restate (scheme {SchemeV1}).";
        }

        if (scheme != SchemeV1)
        {
            return $"Unsupported {SchemeHeader} '{Shorten(scheme)}': this endpoint accepts {SchemeV1}.";
        }

        if (SingleValue(headers, JwtHeader) is not { } jwt)
        {
            return $"The request has no single {JwtHeader} header, which scheme {SchemeV1} requires.";
        }

        if (!IdentityToken.TryParse(jwt, out var token, out var malformed))
        {
            return $"The {JwtHeader} token is malformed: {malformed}.";
        }

        return CheckSignature(token) ?? CheckClaims(token, NormalisePath(path), now.ToUnixTimeSeconds());
    }

    /// <summary>
    /// The part of the path Restate signs: from <c>/invoke</c> when it is the third segment from the
    /// end (<c>/prefix/invoke/svc/handler</c> gives <c>/invoke/svc/handler</c>), <c>/discover</c>
    /// when that is the last segment, else the path as it is. A mount prefix is thereby ignored.
    /// </summary>
    public static string NormalisePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var last = path.LastIndexOf('/');
        var secondLast = last > 0 ? path.LastIndexOf('/', last - 1) : -1;
        var thirdLast = secondLast > 0 ? path.LastIndexOf('/', secondLast - 1) : -1;
        if (thirdLast >= 0 && path.AsSpan(thirdLast, secondLast - thirdLast).SequenceEqual("/invoke"))
        {
            return path[thirdLast..];
        }

        return last >= 0 && path.AsSpan(last).SequenceEqual("/discover") ? "/discover" : path;
    }

    // The path as it came on the wire is what Restate signed; the decoded path is the fallback.
    private static string RequestPath(HttpContext http)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (raw is null || !raw.StartsWith('/'))
        {
            return http.Request.PathBase.Add(http.Request.Path).ToString();
        }

        var query = raw.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? raw : raw[..query];
    }

    private string? CheckSignature(IdentityToken token)
    {
        if (token.Algorithm != EdDsa)
        {
            return $"The {JwtHeader} token is signed with '{Shorten(token.Algorithm ?? "none")}'; request identity {SchemeV1} uses {EdDsa}.";
        }

        if (token.KeyId is null)
        {
            return $"The {JwtHeader} token names no key (kid).";
        }

        if (!_keys.TryGetValue(token.KeyId, out var key))
        {
            return $"The {JwtHeader} token is signed by a key that is not among this endpoint's identity keys.";
        }

        var verifier = new Ed25519Signer();
        verifier.Init(forSigning: false, key.Key);
        verifier.BlockUpdate(token.SigningInput, 0, token.SigningInput.Length);
        return verifier.VerifySignature(token.Signature)
            ? null
            : $"The {JwtHeader} token's signature does not verify with its key {key.KeyId}.";
    }

    private static string? CheckClaims(IdentityToken token, string audience, double nowSeconds)
    {
        if (token.Audience is null || token.ExpiresAt is null || token.IssuedAt is null || token.NotBefore is null)
        {
            return $"The {JwtHeader} token lacks one of the required claims aud, exp, iat and nbf.";
        }

        if (!token.Audience.Contains(audience, StringComparer.Ordinal))
        {
            return $"The {JwtHeader} token is for '{Shorten(string.Join(", ", token.Audience))}', not for '{Shorten(audience)}'.";
        }

        if (token.ExpiresAt < nowSeconds)
        {
            return $"The {JwtHeader} token expired at {Describe(token.ExpiresAt.Value)}.";
        }

        return token.NotBefore > nowSeconds
            ? $"The {JwtHeader} token is not valid before {Describe(token.NotBefore.Value)}."
            : null;
    }

    private static string? SingleValue(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var values) && values.Count == 1 && !StringValues.IsNullOrEmpty(values) ? values[0] : null;

    private static string Describe(double unixSeconds) =>
        unixSeconds is > -62135596800 and < 253402300800
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(unixSeconds * 1000)).ToString("O", System.Globalization.CultureInfo.InvariantCulture)
            : $"{unixSeconds} s after the Unix epoch";

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
