using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;

namespace Harasocial.Functions.IntegrationTests.Storage;

/// <summary>
/// Stands in for a managed identity: hands out unsigned JWTs shaped like Entra ID's storage tokens (issuer, audience,
/// lifetime are what Azurite's basic OAuth checks) and records the scopes asked for.
/// </summary>
internal sealed class FakeTokenCredential(TimeSpan lifetime) : TokenCredential
{
    public ConcurrentQueue<string> Scopes { get; } = new();

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        foreach (var scope in requestContext.Scopes)
        {
            Scopes.Enqueue(scope);
        }

        var now = DateTimeOffset.UtcNow;
        var expires = now + lifetime;
        var payload = new JsonObject
        {
            ["aud"] = "https://storage.azure.com",
            ["iss"] = "https://sts.windows.net/00000000-0000-0000-0000-000000000001/",
            ["iat"] = now.AddMinutes(-5).ToUnixTimeSeconds(),
            ["nbf"] = now.AddMinutes(-5).ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["oid"] = "00000000-0000-0000-0000-000000000002",
        };
        var token = $"{Base64Url("""{"alg":"RS256","typ":"JWT"}""")}.{Base64Url(payload.ToJsonString())}.{Base64Url("not-signed")}";

        // A token that is already expired must not be cached as valid by the SDK: report it as expiring now.
        return new AccessToken(token, expires > now ? expires : now);
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
