using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Harasocial.Functions.IntegrationTests.Sync;

/// <summary>Reads Graph lists straight from the simulator, to compute what a sync should have imported.</summary>
internal sealed class GraphReader(Uri graphBase, string token)
{
    internal sealed record Item(string Id, DateTimeOffset CreatedAt);

    public async Task<List<Item>> ListAsync(string pathAndQuery)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var items = new List<Item>();
        var url = new Uri(graphBase.ToString().TrimEnd('/') + "/" + pathAndQuery);
        while (true)
        {
            var page = JsonNode.Parse(await http.GetStringAsync(url))!;
            foreach (var item in page["data"]!.AsArray())
            {
                var time = (item!["created_time"] ?? item["timestamp"])!.GetValue<string>();
                items.Add(new Item(item["id"]!.GetValue<string>(), DateTimeOffset.ParseExact(time, "yyyy-MM-dd'T'HH:mm:sszzzz".Replace("zzzz", "zzz", StringComparison.Ordinal).Replace("zzz", "K", StringComparison.Ordinal), CultureInfo.InvariantCulture)));
            }

            if (page["paging"]?["next"]?.GetValue<string>() is not { } next)
            {
                return items;
            }

            url = new Uri(next);
        }
    }
}
