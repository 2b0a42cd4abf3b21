using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Harasocial.ChannelSimulator;
using Harasocial.Functions.IntegrationTests.Realtime;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Reliability;

/// <summary>
/// Replays every case of <c>Fixtures/bad-input</c> (written by its generate.py; the format is described there):
/// each answer must be one of the case's 4xx statuses as application/problem+json, never a 5xx; afterwards no table
/// holds a row more or less and the service is still healthy.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BadInputCorpusTests(AzuriteFixture azurite)
{
    internal static readonly Scenario TwoShops = Scenario.Parse("""
        { "seed": 61, "rateLimits": { "graphConversationCallsPerSecond": 0 },
          "accounts": [
            { "channel": "facebook", "id": "8990001", "accessToken": "fb-secret-token-5d1c9a", "threads": [ { "count": 3, "ageDays": [0, 5], "messages": [1, 4] } ],
              "posts": { "count": 2, "comments": [1, 3] } },
            { "channel": "shopee", "id": "8990002", "accessToken": "shopee-secret-token-7e2b4f", "refreshToken": "shopee-secret-refresh-3a9d0c",
              "threads": [ { "count": 3, "ageDays": [0, 5], "messages": 3 } ] } ] }
        """);

    [Fact]
    public async Task Corpus_EveryCase4xxProblem_NothingStored_StillHealthy()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, TwoShops);
        var ids = await TwoTenantIds.CreateAsync(harness);
        var scan = new StorageScan(azurite, harness.Prefix);
        var before = await scan.RowCountsAsync();
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "bad-input"), "*.json").Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 200, $"{files.Count} cases");

        var failures = new List<string>();
        using var client = harness.App.CreateClient();
        foreach (var file in files)
        {
            var answer = await SendAsync(client, JsonNode.Parse(await File.ReadAllTextAsync(file))!, ids);
            if (answer is not null)
            {
                failures.Add($"{Path.GetFileName(file)}: {answer}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {files.Count} cases failed:\n" + string.Join("\n", failures));
        Assert.Equal(before, await scan.RowCountsAsync());
        var queues = await harness.QueueReportAsync();
        Assert.Contains("webhooks-poison: 0 messages", queues, StringComparison.Ordinal);
        using var health = await client.GetAsync(new Uri("/api/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("active", (await harness.GetJsonAsync($"/api/connections/{ids.OwnConnection}"))["status"]!.GetValue<string>());
    }

    /// <summary>Sends one case; returns null when the answer is as the case expects, else what went wrong.</summary>
    private static async Task<string?> SendAsync(HttpClient client, JsonNode bad, TwoTenantIds ids)
    {
        using var request = new HttpRequestMessage(new HttpMethod(bad["method"]!.GetValue<string>()), new Uri(ids.Fill(bad["path"]!.GetValue<string>()), UriKind.Relative));
        var key = bad["key"]!.GetValue<string>() switch
        {
            "tenant" => ids.OwnKey,
            "admin" => AppFactory.AdminKey,
            "wrong" => "hsk_this-is-not-a-key-0000000000",
            "none" => null,
            var literal => literal["literal:".Length..],
        };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        }

        if (bad["body"]?.GetValue<string>() is { } body)
        {
            if (bad["padBytes"]?.GetValue<int>() is { } pad)
            {
                body = body.Replace("{pad}", new string('x', pad), StringComparison.Ordinal);
            }

            body = ids.Fill(body);
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (bad["sign"]?.GetValue<string>() is { } sign)
            {
                var (header, value) = WebhookPoster.Sign(sign.Split(':')[0], body, wrongSecret: sign.EndsWith(":wrong-secret", StringComparison.Ordinal));
                request.Headers.TryAddWithoutValidation(header, value);
            }

            foreach (var (name, value) in bad["headers"]?.AsObject() ?? [])
            {
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    request.Content.Headers.TryAddWithoutValidation(name, value!.GetValue<string>());
                }
                else
                {
                    request.Headers.TryAddWithoutValidation(name, value!.GetValue<string>());
                }
            }
        }

        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var expected = bad["expect"]!.AsArray().Select(e => e!.GetValue<int>()).ToList();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var text = await response.Content.ReadAsStringAsync();
        if (!expected.Contains(status) || mediaType != "application/problem+json")
        {
            return $"{status} {mediaType} (expected {string.Join("/", expected)} problem+json): {text[..Math.Min(300, text.Length)]}";
        }

        // Problem details say what is wrong in the API's terms, never the runtime's (internal type names, exception text).
        foreach (var internalName in new[] { "System.", "Exception", "Harasocial.", "LineNumber:", "Path: $" })
        {
            if (text.Contains(internalName, StringComparison.Ordinal))
            {
                return $"{status}: the problem names '{internalName}': {text[..Math.Min(300, text.Length)]}";
            }
        }

        return null;
    }
}

/// <summary>Two tenants of one deployment, each with a synced connection: "own" (the harness tenant, Shopee) and
/// "foreign" (another tenant, Facebook with posts).</summary>
internal sealed record TwoTenantIds(
    string OwnKey, string OwnConnection, string OwnConversation, string OwnJob,
    string ForeignKey, string ForeignConnection, string ForeignConversation, string ForeignJob, string ForeignPost)
{
    public static async Task<TwoTenantIds> CreateAsync(SyncHarness harness)
    {
        var (own, ownJob) = await harness.ConnectAsync("shopee", "8990002", "shopee-secret-token-7e2b4f", "shopee-secret-refresh-3a9d0c");
        var foreignKey = await harness.CreateTenantAsync("other-seller");
        using var other = harness.App.CreateClient(foreignKey);
        var (foreign, foreignJob) = await harness.ConnectAsync("facebook", "8990001", "fb-secret-token-5d1c9a", client: other);
        Assert.Equal("completed", (await harness.WaitForJobAsync(ownJob))["status"]!.GetValue<string>());
        Assert.Equal("completed", (await harness.WaitForJobAsync(foreignJob, TimeSpan.FromMinutes(1), other))["status"]!.GetValue<string>());

        var ownConversation = await FirstIdAsync(harness, $"/api/connections/{own}/conversations", null);
        return new TwoTenantIds(
            harness.TenantKey, own, ownConversation, ownJob,
            foreignKey, foreign, await FirstIdAsync(harness, $"/api/connections/{foreign}/conversations", other), foreignJob,
            await FirstIdAsync(harness, $"/api/connections/{foreign}/posts", other))
        {
            OwnCursor = await NextCursorAsync(harness, $"/api/connections/{own}/conversations?limit=1", null),
            ForeignCursor = await NextCursorAsync(harness, $"/api/connections/{foreign}/conversations?limit=1", other),
            OwnMessagesCursor = await NextCursorAsync(harness, $"/api/conversations/{ownConversation}/messages?limit=1", null),
        };
    }

    /// <summary>A real nextCursor of the own inbox listing (signed for it alone).</summary>
    public string OwnCursor { get; init; } = string.Empty;

    public string ForeignCursor { get; init; } = string.Empty;

    public string OwnMessagesCursor { get; init; } = string.Empty;

    public string Fill(string text) => text
        .Replace("{own.cursor.payload}", OwnCursor.Split('.')[0], StringComparison.Ordinal)
        .Replace("{own.cursor}", OwnCursor, StringComparison.Ordinal)
        .Replace("{foreign.cursor}", ForeignCursor, StringComparison.Ordinal)
        .Replace("{own.messagesCursor}", OwnMessagesCursor, StringComparison.Ordinal)
        .Replace("{own.connection}", OwnConnection, StringComparison.Ordinal)
        .Replace("{own.conversation}", OwnConversation, StringComparison.Ordinal)
        .Replace("{own.job}", OwnJob, StringComparison.Ordinal)
        .Replace("{foreign.connection}", ForeignConnection, StringComparison.Ordinal)
        .Replace("{foreign.conversation}", ForeignConversation, StringComparison.Ordinal)
        .Replace("{foreign.job}", ForeignJob, StringComparison.Ordinal)
        .Replace("{foreign.post}", ForeignPost, StringComparison.Ordinal);

    private static async Task<string> NextCursorAsync(SyncHarness harness, string path, HttpClient? client) =>
        (await harness.GetJsonAsync(path, client))["nextCursor"]!.GetValue<string>();

    private static async Task<string> FirstIdAsync(SyncHarness harness, string path, HttpClient? client) =>
        (await harness.GetJsonAsync(path, client))["items"]![0]!["id"]!.GetValue<string>();
}
