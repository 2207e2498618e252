namespace Restate.Sdk.Clients.Internal;

/// <summary>Checks the base address of a caller's <see cref="HttpClient"/> once, so relative paths resolve below it.</summary>
internal static class HttpClientBase
{
    public static Uri RequireBaseAddress(HttpClient http, string clientName)
    {
        ArgumentNullException.ThrowIfNull(http);
        var baseAddress = http.BaseAddress
            ?? throw new ArgumentException(
                $"The HttpClient given to {clientName} needs a BaseAddress (the Restate URL).", nameof(http));
        if (!baseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException($"The BaseAddress of {clientName} must be an absolute URL.", nameof(http));
        }

        // Without a trailing slash, "http://host/prefix" + "restate/call" would drop "prefix".
        return baseAddress.AbsolutePath.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
    }
}
