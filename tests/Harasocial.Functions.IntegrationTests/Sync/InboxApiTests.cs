using System.Net;
using System.Net.Http.Json;
using System.Text;
using Harasocial.ChannelSimulator;
using Harasocial.Functions.IntegrationTests.Tenants;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Sync;

[Collection(AzuriteCollection.Name)]
public sealed class InboxApiTests(AzuriteFixture azurite)
{
    private static readonly Scenario Shop = Scenario.Parse("""
        { "seed": 41, "rateLimits": { "graphConversationCallsPerSecond": 0 },
          "accounts": [
            { "channel": "facebook", "id": "8880001", "accessToken": "fb-t", "threads": [ { "count": 45, "ageDays": [0, 20], "messages": [1, 12] } ] },
            { "channel": "shopee", "id": "8880002", "accessToken": "s-at", "refreshToken": "s-rt", "threads": [ { "count": 5, "ageDays": [0, 9], "messages": 3 } ] } ] }
        """);

    [Fact]
    public async Task Conversations_PagedWithCursor_NewestActivityFirstEachOnce()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Shop);
        var (connection, job) = await harness.ConnectAsync("facebook", "8880001", "fb-t");
        await harness.WaitForJobAsync(job);

        var seen = new List<(string Customer, DateTimeOffset At, string Status)>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await harness.GetJsonAsync($"/api/connections/{connection}/conversations?limit=20" + (cursor is null ? string.Empty : "&cursor=" + cursor));
            foreach (var item in page["items"]!.AsArray())
            {
                seen.Add((item!["customer"]!["id"]!.GetValue<string>(), item["lastMessageAt"]!.GetValue<DateTimeOffset>(), item["status"]!.GetValue<string>()));
            }

            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Expected.Threads(harness.Simulator, "facebook", "8880001").Select(t => t.CustomerId), seen.Select(s => s.Customer));
        Assert.Equal(seen.OrderByDescending(s => s.At).Select(s => s.Customer), seen.Select(s => s.Customer));
        Assert.All(seen, s => Assert.Equal("open", s.Status));

        var defaultPage = await harness.GetJsonAsync($"/api/connections/{connection}/conversations");
        Assert.Equal(20, defaultPage["items"]!.AsArray().Count);
        Assert.Empty((await harness.GetJsonAsync($"/api/connections/{connection}/conversations?folder=spam"))["items"]!.AsArray());

        var first = defaultPage["items"]![0]!;
        var messages = await harness.GetJsonAsync($"/api/conversations/{first["id"]!.GetValue<string>()}/messages");
        var times = messages["items"]!.AsArray().Select(m => m!["sentAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.NotEmpty(times);
        Assert.Equal(times.OrderDescending(), times);
        Assert.Equal(times[0], first["lastMessageAt"]!.GetValue<DateTimeOffset>());
    }

    [Theory]
    [InlineData("conversations?limit=0", "limit")]
    [InlineData("conversations?limit=101", "limit")]
    [InlineData("conversations?limit=abc", "limit")]
    [InlineData("conversations?folder=trash", "folder")]
    [InlineData("conversations?status=deleted", "status")]
    [InlineData("conversations?cursor=%%%", "cursor")]
    [InlineData("sync-jobs?limit=-1", "limit")]
    public async Task ListRoutes_BadQuery_400NamingTheField(string query, string field)
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Shop);
        var (connection, _) = await harness.ConnectAsync("shopee", "8880002", "s-at", "s-rt");

        var problem = await TenantApiTests.AssertProblemAsync(await harness.Client.GetAsync(new Uri($"/api/connections/{connection}/{query}", UriKind.Relative)), HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task AnotherTenantsIds_EveryRoute404_NothingChanges()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Shop);
        var (connection, job) = await harness.ConnectAsync("shopee", "8880002", "s-at", "s-rt");
        await harness.WaitForJobAsync(job);
        var conversation = (await harness.GetJsonAsync($"/api/connections/{connection}/conversations"))["items"]![0]!["id"]!.GetValue<string>();
        using var other = harness.App.CreateClient(await harness.CreateTenantAsync("other-seller"));

        foreach (var path in new[]
                 {
                     $"/api/connections/{connection}", $"/api/connections/{connection}/conversations", $"/api/connections/{connection}/sync-jobs",
                     $"/api/connections/{connection}/posts", $"/api/sync-jobs/{job}", $"/api/conversations/{conversation}",
                     $"/api/conversations/{conversation}/messages", "/api/connections/cn_' or 1 eq 1", "/api/conversations/x.%27%20or%201%20eq%201",
                     "/api/sync-jobs/..%2F..%2Fjobs", "/api/posts/abc/comments",
                 })
        {
            await TenantApiTests.AssertProblemAsync(await other.GetAsync(new Uri(path, UriKind.Relative)), HttpStatusCode.NotFound);
        }

        await TenantApiTests.AssertProblemAsync(await other.PostAsJsonAsync($"/api/connections/{connection}/sync", new { kind = "initial" }), HttpStatusCode.NotFound);
        await TenantApiTests.AssertProblemAsync(await other.PostAsync(new Uri($"/api/sync-jobs/{job}/cancel", UriKind.Relative), null), HttpStatusCode.NotFound);
        await TenantApiTests.AssertProblemAsync(await other.PatchAsJsonAsync($"/api/connections/{connection}", new { settings = new { syncSpam = false } }), HttpStatusCode.NotFound);
        await TenantApiTests.AssertProblemAsync(await other.DeleteAsync(new Uri($"/api/connections/{connection}", UriKind.Relative)), HttpStatusCode.NotFound);
        Assert.Equal("active", (await harness.GetJsonAsync($"/api/connections/{connection}"))["status"]!.GetValue<string>());
        Assert.Empty((await harness.GetJsonAsync("/api/connections", other))["items"]!.AsArray());
    }

    [Theory]
    [InlineData("""{"channel":"tiktok","externalId":"1","accessToken":"t"}""", "channel")]
    [InlineData("""{"channel":"facebook","accessToken":"t"}""", "externalId")]
    [InlineData("""{"channel":"facebook","externalId":"1"}""", "accessToken")]
    [InlineData("""{"channel":"zalo","externalId":"1","accessToken":"t"}""", "refreshToken")]
    [InlineData("""{"channel":"instagram","externalId":"1","accessToken":"t"}""", "linkedPageId")]
    [InlineData("""{"channel":"shopee","externalId":"1","accessToken":"t","refreshToken":"r","settings":{"syncSpam":true}}""", "settings.syncSpam")]
    [InlineData("""{"channel":"facebook","externalId":"a\u0000b","accessToken":"t"}""", "externalId")]
    [InlineData("""{"channel":"facebook","externalId":12,"accessToken":"t"}""", "$.externalId")]
    [InlineData("""{"channel":"facebook","externalId":"1","accessToken":"t",""", "$")]
    public async Task CreateConnection_BadBody_400AndNothingStored(string body, string field)
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Shop);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var problem = await TenantApiTests.AssertProblemAsync(await harness.Client.PostAsync(new Uri("/api/connections", UriKind.Relative), content), HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]![field]);
        Assert.Empty((await harness.GetJsonAsync("/api/connections"))["items"]!.AsArray());
        Assert.Equal(0, await harness.Stored("x").CountAsync("accounts", "facebook"));
    }

    [Fact]
    public async Task SameAccountTwice_AnyTenant_409()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Shop);
        await harness.ConnectAsync("shopee", "8880002", "s-at", "s-rt");
        using var other = harness.App.CreateClient(await harness.CreateTenantAsync("rival"));

        // With the shop's real token (ownership proven): the account is held, wherever the second attempt comes from.
        await TenantApiTests.AssertProblemAsync(
            await other.PostAsJsonAsync("/api/connections", new { channel = "shopee", externalId = "8880002", accessToken = "s-at", refreshToken = "y" }), HttpStatusCode.Conflict);
        await TenantApiTests.AssertProblemAsync(
            await harness.Client.PostAsJsonAsync("/api/connections", new { channel = "shopee", externalId = "8880002", accessToken = "s-at", refreshToken = "y" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Sync_SameKindWhileRunning_409_CancelStopsIt()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Shop);
        harness.Simulator.State.Faults = new FaultSettings { Latency = TimeSpan.FromSeconds(2) };
        var (connection, job) = await harness.ConnectAsync("facebook", "8880001", "fb-t");

        await TenantApiTests.AssertProblemAsync(await harness.Client.PostAsJsonAsync($"/api/connections/{connection}/sync", new { kind = "initial" }), HttpStatusCode.Conflict);
        await TenantApiTests.AssertProblemAsync(await harness.Client.PostAsJsonAsync($"/api/connections/{connection}/sync", new { kind = "everything" }), HttpStatusCode.BadRequest);
        using var cancel = await harness.Client.PostAsync(new Uri($"/api/sync-jobs/{job}/cancel", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);

        var ended = await harness.WaitForJobAsync(job);
        Assert.Equal("cancelled", ended["status"]!.GetValue<string>());
        var jobs = await harness.GetJsonAsync($"/api/connections/{connection}/sync-jobs");
        Assert.Equal(job, jobs["items"]![0]!["id"]!.GetValue<string>());
        harness.Simulator.State.Faults = new FaultSettings();
        using var again = await harness.Client.PostAsJsonAsync($"/api/connections/{connection}/sync", new { kind = "initial" });
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
    }

    [Fact]
    public async Task LoadMore_NotZalo_400()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Shop);
        var (connection, _) = await harness.ConnectAsync("shopee", "8880002", "s-at", "s-rt");

        await TenantApiTests.AssertProblemAsync(
            await harness.Client.PostAsync(new Uri($"/api/connections/{connection}/conversations/load-more", UriKind.Relative), null), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Delete_Purge_RemovesDataAndFreesTheAccount()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Shop);
        var (connection, job) = await harness.ConnectAsync("shopee", "8880002", "s-at", "s-rt");
        await harness.WaitForJobAsync(job);
        Assert.NotEmpty(await harness.Stored(connection).CustomersAsync());

        using var deleted = await harness.Client.DeleteAsync(new Uri($"/api/connections/{connection}?purge=true", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await harness.Stored(connection).CustomersAsync());
        await TenantApiTests.AssertProblemAsync(await harness.Client.GetAsync(new Uri($"/api/connections/{connection}", UriKind.Relative)), HttpStatusCode.NotFound);
        await harness.ConnectAsync("shopee", "8880002", "s-at", "s-rt");
    }
}
