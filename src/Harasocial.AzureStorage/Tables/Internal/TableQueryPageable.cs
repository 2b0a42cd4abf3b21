using System.Text.Json;
using Azure;
using Azure.Core;

namespace Harasocial.AzureStorage;

/// <summary>
/// Pages through a query, following the x-ms-continuation-NextPartitionKey/NextRowKey headers
/// (https://learn.microsoft.com/rest/api/storageservices/query-timeout-and-pagination).
/// The continuation token is "nextPartitionKey nextRowKey" (the service's tokens contain no spaces).
/// </summary>
internal sealed class TableQueryPageable<T>(TableClient table, string? filter, int? maxPerPage, string? select, CancellationToken cancellationToken)
    : AsyncPageable<T>(cancellationToken)
    where T : class, ITableEntity, new()
{
    public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        var token = continuationToken;
        do
        {
            var page = await GetPageAsync(token, pageSizeHint ?? maxPerPage, CancellationToken).ConfigureAwait(false);
            token = page.ContinuationToken;
            yield return page;
        }
        while (token is not null);
    }

    private async Task<Page<T>> GetPageAsync(string? token, int? top, CancellationToken ct)
    {
        var query = new List<string>(5);
        Add(query, "$filter", filter);
        Add(query, "$top", top?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(query, "$select", select);
        if (token is not null)
        {
            var split = token.Split(' ');
            Add(query, "NextPartitionKey", split[0]);
            Add(query, "NextRowKey", split.Length > 1 ? split[1] : null);
        }

        var url = table.TableUrl + "()" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
        using var message = table.CreateMessage(RequestMethod.Get, url);
        var response = await StorageRequests.SendAsync(table.Pipeline, message, ct).ConfigureAwait(false);
        using var doc = JsonDocument.Parse(response.Content);
        var items = new List<T>();
        if (doc.RootElement.TryGetProperty("value", out var values))
        {
            foreach (var item in values.EnumerateArray())
            {
                items.Add(EntityJsonReader.Read<T>(item));
            }
        }

        response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var nextPk);
        response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nextRk);
        var next = string.IsNullOrEmpty(nextPk) ? null : nextPk + " " + nextRk;
        return Page<T>.FromValues(items, next, response);
    }

    private static void Add(List<string> query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Add(name + "=" + Uri.EscapeDataString(value));
        }
    }
}
