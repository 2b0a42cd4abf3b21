using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Reliability;

/// <summary>No channel token, API key or signature in plain text: not in any table, not in any log line.</summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class SecretsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SyncAndBadRequests_NoTokenKeyOrSignatureInTablesOrLogs()
    {
        var logs = new CapturedLogs();
        await using var harness = await SyncHarness.StartAsync(azurite, BadInputCorpusTests.TwoShops, services: logs.AddTo);
        var ids = await TwoTenantIds.CreateAsync(harness);

        // A Shopee refresh: new tokens to keep secret too. (Connect itself needs a live token: ownership is proven with it.)
        harness.Simulator.State.ExpireAccessToken("8990002");
        using (var resync = await harness.Client.PostAsJsonAsync($"/api/connections/{ids.OwnConnection}/sync", new { kind = "resync" }))
        {
            var job = System.Text.Json.Nodes.JsonNode.Parse(await resync.Content.ReadAsStringAsync())!["job"]!["id"]!.GetValue<string>();
            Assert.Equal("completed", (await harness.WaitForJobAsync(job))["status"]!.GetValue<string>());
        }
        var wrongKeys = new[] { "hsk_wrong-key-9b1f0e7a", "' or 1 eq 1 secret-key-4c2d" };
        foreach (var key in wrongKeys)
        {
            using var client = harness.App.CreateClient(key);
            await client.GetAsync(new Uri("/api/connections", UriKind.Relative));
            await client.PostAsJsonAsync("/api/connections", new { channel = "facebook", externalId = "1", accessToken = "fb-rejected-token-0a8e" });
        }

        using var tenant = harness.App.CreateClient(ids.OwnKey);
        using var bad = new StringContent("""{"channel":"facebook","externalId":"x y ","accessToken":"fb-invalid-body-token-77c1"}""", Encoding.UTF8, "application/json");
        await tenant.PostAsync(new Uri("/api/connections", UriKind.Relative), bad);

        var accounts = harness.Simulator.State;
        var secrets = new List<string>
        {
            "fb-secret-token-5d1c9a", "shopee-secret-token-7e2b4f", "shopee-secret-refresh-3a9d0c", "fb-rejected-token-0a8e", "fb-invalid-body-token-77c1",
            ids.OwnKey, ids.ForeignKey, AppFactory.AdminKey, AppFactory.EncryptionKey, "sim-shopee-partner-key", "sim-meta-secret",
        };
        secrets.AddRange(wrongKeys);
        Assert.True(accounts.RefreshCount("8990002") >= 1, "the Shopee token was not refreshed");
        secrets.AddRange(CurrentTokens(accounts, "8990002"));

        foreach (var (table, partition, row, property, value) in await new StorageScan(azurite, harness.Prefix).AllValuesAsync())
        {
            foreach (var secret in secrets.Where(s => value.Contains(s, StringComparison.Ordinal)))
            {
                Assert.Fail($"{table} {partition}/{row} {property} holds the secret '{secret}' in plain text");
            }
        }

        var lines = logs.Lines.ToList();
        Assert.True(lines.Count > 50, $"only {lines.Count} log lines were captured");
        foreach (var line in lines)
        {
            Assert.False(secrets.Any(s => line.Contains(s, StringComparison.Ordinal)), "a log line holds a secret: " + line);
            Assert.False(Signature().IsMatch(line), "a log line holds a signature: " + line);
        }
    }

    /// <summary>
    /// Issue 18: an API key sent in the query string was written to the app log (the host's request lines carry the
    /// URL). Query strings (keys, OAuth codes, Meta's <c>hub.verify_token</c>) and key or signature headers are never
    /// logged, by construction: request logging writes method, path, status and duration only.
    /// </summary>
    [Fact]
    public async Task Requests_SecretsInQueryStringsAndHeaders_NeverLogged_PathsAre()
    {
        var logs = new CapturedLogs();
        await using var harness = await SyncHarness.StartAsync(azurite, BadInputCorpusTests.TwoShops, services: logs.AddTo);
        const string oauthCode = "oauth-code-secret-4f1e9b";
        const string wrongVerifyToken = "wrong-verify-secret-8d2c";
        using var anonymous = harness.App.CreateClient();

        await harness.Client.GetAsync(new Uri($"/api/connections?apiKey={harness.TenantKey}&code={oauthCode}", UriKind.Relative));
        await anonymous.GetAsync(new Uri($"/api/connections?X-Api-Key={harness.TenantKey}", UriKind.Relative));
        await anonymous.GetAsync(new Uri("/api/webhooks/facebook?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=42", UriKind.Relative));
        await anonymous.GetAsync(new Uri($"/api/webhooks/facebook?hub.mode=subscribe&hub.verify_token={wrongVerifyToken}&hub.challenge=43", UriKind.Relative));
        await anonymous.GetAsync(new Uri($"/api/health?key={AppFactory.AdminKey}", UriKind.Relative));
        await Realtime.WebhookPoster.PostMetaAsync(anonymous, Realtime.WebhookPoster.MessageBody("8990001", "42", "m_secret_test", "hi", DateTimeOffset.UtcNow));

        var lines = logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("/api/connections", StringComparison.Ordinal) && l.Contains("200", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("/api/webhooks/facebook", StringComparison.Ordinal));
        foreach (var secret in new[] { harness.TenantKey, oauthCode, "verify-me", wrongVerifyToken, AppFactory.AdminKey, "hub.challenge" })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(lines, l => Signature().IsMatch(l) || l.Contains("X-Hub-Signature", StringComparison.OrdinalIgnoreCase) || l.Contains("X-Api-Key:", StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<string> CurrentTokens(global::Harasocial.ChannelSimulator.SimulatorState state, string accountId)
    {
        var tokens = state.CurrentTokens(accountId);
        return new[] { tokens.AccessToken, tokens.RefreshToken }.OfType<string>();
    }

    // Shopee request signatures and Meta-style signatures: 64 hex characters after sign= or sha256=.
    [GeneratedRegex("(sign=|sha256=)[0-9a-fA-F]{64}")]
    private static partial Regex Signature();
}
