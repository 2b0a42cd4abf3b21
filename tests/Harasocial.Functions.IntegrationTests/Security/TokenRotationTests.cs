using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Harasocial.ChannelSimulator;
using Harasocial.Sync.Security;
using Harasocial.Sync.Storage;
using Harasocial.Sync.Sync;
using Harasocial.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Harasocial.Functions.IntegrationTests.Security;

/// <summary>
/// Rotating the token-encryption key with tokens in place (README "Security"): the new key plus the old one as a previous
/// key reads everything and writes the new one, the resync tick re-seals every row, then the old key can go. Sealed
/// tokens are bound to tenant, connection and field (the finding: a row's access and refresh ciphertexts could be
/// swapped, and no key could be rotated).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TokenRotationTests(AzuriteFixture azurite)
{
    private const string KeyB = "BBECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private static readonly Scenario Accounts = Scenario.Parse("""
        { "seed": 194, "accounts": [
            { "channel": "zalo", "id": "3000000000001940001", "accessToken": "z-rot", "refreshToken": "z-rot-rt", "threads": [ { "count": 3, "ageDays": [0, 3], "messages": 2 } ] },
            { "channel": "shopee", "id": "1940002", "accessToken": "s-rot", "refreshToken": "s-rot-rt", "threads": [ { "count": 3, "ageDays": [0, 3], "messages": 2 } ] } ] }
        """);

    [Fact]
    public async Task RotateKey_TokensInPlace_ReadWithBoth_ResealedByTheTick_ThenOldKeyRemoved_FieldsAndRowsNotSwappable()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Accounts);
        var (zalo, zaloJob) = await harness.ConnectAsync("zalo", "3000000000001940001", "z-rot", "z-rot-rt");
        var (shopee, shopeeJob) = await harness.ConnectAsync("shopee", "1940002", "s-rot", "s-rot-rt");
        await harness.WaitForJobAsync(zaloJob);
        await harness.WaitForJobAsync(shopeeJob);
        var keyA = harness.App.Services.GetRequiredService<TokenProtector>().CurrentKeyId;
        Assert.All(await SealedAsync(harness), v => Assert.StartsWith($"v2.{keyA}.", v, StringComparison.Ordinal));
        await harness.App.DisposeAsync();

        // Step 1: the new key, the old one kept as previous. Old tokens are read; nothing is lost.
        await using (var rotating = Instance(harness, KeyB, AppFactory.EncryptionKey))
        {
            var keyB = rotating.Services.GetRequiredService<TokenProtector>().CurrentKeyId;
            Assert.NotEqual(keyA, keyB);
            await ResyncAsync(rotating, harness.TenantKey, zalo);

            // Step 2: the resync tick re-seals every row under the new key.
            await using (var scope = rotating.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<ResyncTimer>().RunAsync(
                    scope.ServiceProvider.GetRequiredService<DurableTaskClient>(), DateTimeOffset.UtcNow, CancellationToken.None);
            }

            Assert.All(await SealedAsync(harness), v => Assert.StartsWith($"v2.{keyB}.", v, StringComparison.Ordinal));
        }

        // Step 3: the old key removed; both connections still sync.
        await using var rotated = Instance(harness, KeyB, previous: null);
        await ResyncAsync(rotated, harness.TenantKey, zalo);
        await ResyncAsync(rotated, harness.TenantKey, shopee);

        // Ciphertexts moved between fields or rows do not open.
        var rows = await RowsAsync(harness);
        var access = rotated.Services.GetRequiredService<ChannelAccess>();
        var (z, s) = (rows.Single(r => r.RowKey == zalo), rows.Single(r => r.RowKey == shopee));
        Assert.Equal("3000000000001940001", access.Account(z).ExternalId);
        Assert.ThrowsAny<CryptographicException>(() => access.Account(With(z, accessToken: z.RefreshToken!)));
        Assert.ThrowsAny<CryptographicException>(() => access.Account(With(z, accessToken: s.AccessToken)));
        Assert.ThrowsAny<CryptographicException>(() => access.Account(With(z, tenant: "another-shop")));
    }

    private static ConnectionEntity With(ConnectionEntity row, string? accessToken = null, string? tenant = null) => new()
    {
        PartitionKey = tenant ?? row.PartitionKey,
        RowKey = row.RowKey,
        Channel = row.Channel,
        ExternalId = row.ExternalId,
        AccessToken = accessToken ?? row.AccessToken,
        RefreshToken = row.RefreshToken,
    };

    private AppFactory Instance(SyncHarness harness, string key, string? previous)
    {
        var settings = SyncHarness.ChannelSettings(harness.Simulator);
        settings["Security:TokenEncryptionKey"] = key;
        settings["Security:PreviousTokenEncryptionKeys"] = previous;
        var app = new AppFactory(azurite, harness.Prefix, settings: settings);
        _ = app.Server;
        return app;
    }

    /// <summary>
    /// A resync through this instance (the tenant key lives in shared storage, so every instance accepts it). A resync
    /// the tick started may still run (its orchestration moves to the next instance): that one is waited for first.
    /// </summary>
    private static async Task ResyncAsync(AppFactory app, string tenantKey, string connection)
    {
        using var client = app.CreateClient(tenantKey);
        var response = await client.PostAsJsonAsync($"/api/connections/{connection}/sync", new { kind = "resync" });
        for (var attempt = 0; response.StatusCode == System.Net.HttpStatusCode.Conflict && attempt < 60; attempt++)
        {
            response.Dispose();
            await Task.Delay(1000);
            response = await client.PostAsJsonAsync($"/api/connections/{connection}/sync", new { kind = "resync" });
        }

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, body);
        response.Dispose();
        var job = JsonNode.Parse(body)!["job"]!["id"]!.GetValue<string>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string status;
        do
        {
            await Task.Delay(200);
            status = JsonNode.Parse(await client.GetStringAsync(new Uri($"/api/sync-jobs/{job}", UriKind.Relative)))!["status"]!.GetValue<string>();
        }
        while (status is "queued" or "running" && DateTime.UtcNow < deadline);

        Assert.Equal("completed", status);
    }

    private async Task<List<ConnectionEntity>> RowsAsync(SyncHarness harness)
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(new StorageNames(harness.Prefix).Table(StorageNames.ConnectionsTable));
        var rows = new List<ConnectionEntity>();
        await foreach (var row in table.QueryAsync<ConnectionEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    private async Task<List<string>> SealedAsync(SyncHarness harness) =>
        [.. (await RowsAsync(harness)).SelectMany(r => new[] { r.AccessToken, r.RefreshToken! })];
}
