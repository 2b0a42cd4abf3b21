using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Harasocial.ChannelSimulator;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Connections;

/// <summary>
/// SPEC §4 connection lifecycle: syncing, active, sync_failed (with the reason; a new initial sync retries it),
/// reauth_required, disconnected; connecting an account this tenant disconnected earlier reactivates that connection.
/// Issue 18: a failed initial sync showed "active"; disconnect + connect again made a second card for one account.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LifecycleTests(AzuriteFixture azurite)
{
    private const string Page = "1930001";
    private const string Instagram = "17841930002";
    private const string LinkedPage = "1930003";

    private static readonly Scenario Accounts = Scenario.Parse($$"""
        { "seed": 193, "rateLimits": { "graphConversationCallsPerSecond": 0 },
          "accounts": [
            { "channel": "facebook", "id": "{{Page}}", "name": "Tiệm Hoa Mai", "accessToken": "fb-t",
              "threads": [ { "count": 4, "ageDays": [0, 3], "messages": 3 } ] },
            { "channel": "instagram", "id": "{{Instagram}}", "linkedPageId": "{{LinkedPage}}", "name": "hoamai.shop", "accessToken": "ig-t",
              "threads": [ { "count": 5, "ageDays": [0, 3], "messages": 3 } ] } ] }
        """);

    [Fact]
    public async Task InitialSyncFails_SyncFailedWithTheReason_RetryCompletesAndIsActive()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Accounts);
        // Graph answers who owns the token (connect succeeds) but every conversation listing fails: 5 attempts, then the job fails.
        harness.Simulator.State.Faults = new FaultSettings { ErrorRate = 1, Endpoints = new HashSet<string> { "graph.conversations" } };
        var (connection, job) = await harness.ConnectAsync("facebook", Page, "fb-t");
        Assert.Equal("syncing", (await harness.GetJsonAsync($"/api/connections/{connection}"))["status"]!.GetValue<string>());

        var failed = await harness.WaitForJobAsync(job);
        Assert.Equal("failed", failed["status"]!.GetValue<string>());
        var view = await EventuallyStatusAsync(harness, connection, "sync_failed");
        Assert.Equal(failed["error"]!.GetValue<string>(), view["statusReason"]!.GetValue<string>());
        Assert.Contains("Facebook", view["statusReason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(view["lastSyncAt"]);

        // The retry: a new initial sync.
        harness.Simulator.State.Faults = new FaultSettings();
        var retry = await StartSyncAsync(harness, connection, "initial");
        Assert.Equal("syncing", (await harness.GetJsonAsync($"/api/connections/{connection}"))["status"]!.GetValue<string>());
        Assert.Equal("completed", (await harness.WaitForJobAsync(retry))["status"]!.GetValue<string>());
        view = await EventuallyStatusAsync(harness, connection, "active");
        Assert.Null(view["statusReason"]);
        Assert.NotNull(view["lastSyncAt"]);
        Assert.Equal(4, view["counts"]!["conversations"]!.GetValue<int>());
    }

    [Fact]
    public async Task DisconnectThenConnectAgain_SameConnectionDataKept_NewTokensUsed_NewInitialSync()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Accounts);
        var (connection, first) = await harness.ConnectAsync("instagram", Instagram, "ig-t", linkedPageId: LinkedPage);
        await harness.WaitForJobAsync(first);
        var before = await harness.Stored(connection).MessagesByCustomerAsync();

        using (var delete = await harness.Client.DeleteAsync(new Uri($"/api/connections/{connection}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        Assert.Equal("disconnected", (await harness.GetJsonAsync($"/api/connections/{connection}"))["status"]!.GetValue<string>());

        // The seller authorises the app again on Meta: the old token no longer works, the new one is what the sync must use.
        var tokens = harness.Simulator.State.ReissueTokens(Instagram);
        harness.Simulator.State.AddInboundMessage("instagram", Instagram, "17841939999", "Shop ơi còn hàng không?");
        var (again, second) = await harness.ConnectAsync("instagram", Instagram, tokens.AccessToken, linkedPageId: LinkedPage);

        Assert.Equal(connection, again);
        Assert.NotEqual(first, second);
        Assert.Equal("completed", (await harness.WaitForJobAsync(second))["status"]!.GetValue<string>());
        var cards = (await harness.GetJsonAsync("/api/connections"))["items"]!.AsArray();
        var card = Assert.Single(cards)!;
        Assert.Equal(connection, card["id"]!.GetValue<string>());
        Assert.Equal("hoamai.shop", card["name"]!.GetValue<string>());
        card = await EventuallyStatusAsync(harness, connection, "active");

        // Its data is kept and the new initial sync added the new buyer: counts are the stored rows.
        var after = await harness.Stored(connection).MessagesByCustomerAsync();
        Assert.All(before, kv => Assert.True(after.TryGetValue(kv.Key, out var n) && n >= kv.Value, kv.Key));
        Assert.Contains("17841939999", after.Keys);
        Assert.Equal(after.Count, card["counts"]!["conversations"]!.GetValue<int>());
        Assert.Equal(after.Values.Sum(), card["counts"]!["messages"]!.GetValue<long>());
        Assert.Equal(2, (await harness.GetJsonAsync($"/api/connections/{connection}/sync-jobs"))["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task ReauthRequired_ConnectWithNewToken_SameConnectionActiveAgain()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Accounts);
        var (connection, job) = await harness.ConnectAsync("facebook", Page, "fb-t");
        await harness.WaitForJobAsync(job);
        harness.Simulator.State.RevokeTokens(Page);
        await harness.WaitForJobAsync(await StartSyncAsync(harness, connection, "resync"));
        Assert.Contains("token", (await EventuallyStatusAsync(harness, connection, "reauth_required"))["statusReason"]!.GetValue<string>(), StringComparison.Ordinal);

        var tokens = harness.Simulator.State.ReissueTokens(Page);
        var (again, second) = await harness.ConnectAsync("facebook", Page, tokens.AccessToken);

        Assert.Equal(connection, again);
        Assert.Equal("completed", (await harness.WaitForJobAsync(second))["status"]!.GetValue<string>());
        Assert.Null((await EventuallyStatusAsync(harness, connection, "active"))["statusReason"]);
        Assert.Single((await harness.GetJsonAsync("/api/connections"))["items"]!.AsArray());
    }

    [Fact]
    public async Task ConnectAgainWhileActive_409NamesTheConnection()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Accounts);
        var (connection, job) = await harness.ConnectAsync("facebook", Page, "fb-t");
        await harness.WaitForJobAsync(job);

        using var response = await harness.Client.PostAsJsonAsync("/api/connections", new { channel = "facebook", externalId = Page, accessToken = "fb-t" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(connection, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<string> StartSyncAsync(SyncHarness harness, string connection, string kind)
    {
        using var response = await harness.Client.PostAsJsonAsync($"/api/connections/{connection}/sync", new { kind });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        return JsonNode.Parse(body)!["job"]!["id"]!.GetValue<string>();
    }

    private static async Task<JsonNode> EventuallyStatusAsync(SyncHarness harness, string connection, string status)
    {
        JsonNode view = null!;
        await Eventually.TrueAsync(async () =>
        {
            view = await harness.GetJsonAsync($"/api/connections/{connection}");
            return view["status"]!.GetValue<string>() == status && view["activeJobId"] is null;
        });
        return view;
    }
}
