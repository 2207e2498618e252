using System.Globalization;
using Microsoft.Extensions.Configuration;
using SkAgentSession.Models.Scripted;

namespace SkAgentSession.Models;

/// <summary>
/// Model settings, read from configuration (environment variables included):
/// <c>OPENAI_API_KEY</c>, <c>OPENAI_MODEL</c> (default <c>gpt-4o-mini</c>), <c>OPENAI_BASE_URL</c>
/// (an OpenAI-compatible server such as Ollama or vLLM; include <c>/v1</c>, e.g.
/// <c>http://127.0.0.1:11434/v1</c>), <c>Model:Provider</c> (<c>auto</c>, <c>openai</c>, <c>scripted</c>)
/// and <c>Model:RequestTimeoutSeconds</c> (default 60).
/// </summary>
public sealed class ModelOptions
{
    public const string DefaultModelId = "gpt-4o-mini";
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(60);

    private ModelOptions(ModelProvider provider, string? apiKey, string modelId, Uri? baseUrl, TimeSpan requestTimeout)
    {
        Provider = provider;
        ApiKey = apiKey;
        ModelId = modelId;
        BaseUrl = baseUrl;
        RequestTimeout = requestTimeout;
    }

    /// <summary>The provider in use (never <see cref="ModelProvider.Auto"/>).</summary>
    public ModelProvider Provider { get; }

    /// <summary>The API key; never log it (<see cref="ToString"/> leaves it out).</summary>
    public string? ApiKey { get; }

    public string ModelId { get; }

    public Uri? BaseUrl { get; }

    /// <summary>Timeout of one model HTTP request; a timeout is a <see cref="RetryableModelException"/>.</summary>
    public TimeSpan RequestTimeout { get; }

    public bool IsScripted => Provider == ModelProvider.Scripted;

    public ModelInfo Info => IsScripted
        ? new ModelInfo(ScriptedChatModelHandler.ModelId, true, ModelInfo.ScriptedLabel)
        : new ModelInfo(ModelId, false, BaseUrl is null ? $"{ModelId} (OpenAI)" : $"{ModelId} (OpenAI-compatible server)");

    /// <exception cref="InvalidOperationException">A setting is invalid; the message names it.</exception>
    public static ModelOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var apiKey = NullIfBlank(configuration["OPENAI_API_KEY"]);
        var modelId = NullIfBlank(configuration["OPENAI_MODEL"]) ?? DefaultModelId;
        var baseUrlText = NullIfBlank(configuration["OPENAI_BASE_URL"]);
        Uri? baseUrl = null;
        if (baseUrlText is not null
            && (!Uri.TryCreate(baseUrlText, UriKind.Absolute, out baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps)))
        {
            throw new InvalidOperationException($"OPENAI_BASE_URL must be an absolute http(s) URL ending in /v1, such as http://127.0.0.1:11434/v1; got '{baseUrlText}'.");
        }

        var providerText = NullIfBlank(configuration["Model:Provider"]) ?? nameof(ModelProvider.Auto);
        if (!Enum.TryParse<ModelProvider>(providerText, ignoreCase: true, out var provider) || !Enum.IsDefined(provider))
        {
            throw new InvalidOperationException($"Model:Provider must be 'auto', 'openai' or 'scripted'; got '{providerText}'.");
        }

        var timeout = DefaultRequestTimeout;
        if (NullIfBlank(configuration["Model:RequestTimeoutSeconds"]) is { } timeoutText)
        {
            if (!double.TryParse(timeoutText, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > 3600)
            {
                throw new InvalidOperationException($"Model:RequestTimeoutSeconds must be a number of seconds between 0 and 3600; got '{timeoutText}'.");
            }

            timeout = TimeSpan.FromSeconds(seconds);
        }

        var useOpenAI = provider switch
        {
            ModelProvider.Scripted => false,
            ModelProvider.OpenAI when apiKey is null && baseUrl is null =>
                throw new InvalidOperationException("Model:Provider is 'openai' but neither OPENAI_API_KEY nor OPENAI_BASE_URL is set."),
            ModelProvider.OpenAI => true,
            _ => apiKey is not null || baseUrl is not null,
        };
        return new ModelOptions(useOpenAI ? ModelProvider.OpenAI : ModelProvider.Scripted, apiKey, modelId, baseUrl, timeout);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Provider} model '{(IsScripted ? ScriptedChatModelHandler.ModelId : ModelId)}', base URL {BaseUrl?.ToString() ?? "default"}, API key {(ApiKey is null ? "not set" : "set")}, timeout {RequestTimeout.TotalSeconds}s");

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
