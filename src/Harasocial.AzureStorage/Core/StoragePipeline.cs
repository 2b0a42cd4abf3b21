using Azure.Core;
using Azure.Core.Pipeline;

namespace Harasocial.AzureStorage;

/// <summary>Builds the one <see cref="HttpPipeline"/> a service client reuses for all its requests.</summary>
internal static class StoragePipeline
{
    // Storage accepts Entra ID tokens for this resource: https://learn.microsoft.com/rest/api/storageservices/authorize-with-azure-active-directory.
    public const string TokenScope = "https://storage.azure.com/.default";

    public static HttpPipeline Build(StorageClientOptions? options, HttpPipelinePolicy authentication)
    {
        options ??= new StorageClientOptions();
        return HttpPipelineBuilder.Build(
            options,
            perCallPolicies: [],
            perRetryPolicies: [new StorageHeadersPolicy(options.ServiceVersion), authentication],
            responseClassifier: new ResponseClassifier());
    }

    public static HttpPipelinePolicy SharedKey(StorageSharedKeyCredential credential, bool tableService) =>
        new SharedKeyPolicy(credential, tableService);

    public static HttpPipelinePolicy Token(TokenCredential credential) =>
        new BearerTokenAuthenticationPolicy(credential, TokenScope);

    /// <summary>Endpoint text without a trailing slash, so paths can be appended as "/name".</summary>
    public static string BaseAddress(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.AbsoluteUri.TrimEnd('/');
    }
}
