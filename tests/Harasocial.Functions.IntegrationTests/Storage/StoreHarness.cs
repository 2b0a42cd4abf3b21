using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Harasocial.Sync.Channels;
using Harasocial.Sync.Storage;
using Harasocial.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harasocial.Functions.IntegrationTests.Storage;

/// <summary>
/// The app's stores over a fresh set of tables (unique prefix) on the collection's Azurite, with the clients built by
/// <see cref="StorageClientFactory"/> and every storage request logged, so a test can see how our code used storage.
/// </summary>
internal sealed class StoreHarness
{
    private StoreHarness(StorageClients clients, StorageNames names, RequestLog requests)
    {
        Clients = clients;
        Names = names;
        Requests = requests;
    }

    public StorageClients Clients { get; }

    public TableServiceClient Tables => Clients.Tables;

    public StorageNames Names { get; }

    public RequestLog Requests { get; }

    public static async Task<StoreHarness> CreateAsync(AzuriteFixture azurite)
    {
        var requests = new RequestLog();
        var clients = StorageClientFactory.Create(
            StorageSettings.FromConnectionString(azurite.ConnectionString), NullLogger.Instance, configure: o => o.AddPolicy(requests, HttpPipelinePosition.PerCall));
        var names = new StorageNames(azurite.UniqueName(string.Empty));
        await Task.WhenAll(StorageNames.AllTables.Select(t => clients.Tables.CreateTableIfNotExistsAsync(names.Table(t))));
        requests.Clear();
        return new StoreHarness(clients, names, requests);
    }

    public TableClient Table(string name) => Tables.GetTableClient(Names.Table(name));

    /// <summary>Every row of one partition, read straight from the table.</summary>
    public async Task<List<TableEntity>> RowsAsync(string table, string partition)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Table(table).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")))
        {
            rows.Add(row);
        }

        return rows;
    }

    public static List<ChannelMessage> Messages(int count, int from = 0) =>
    [
        .. Enumerable.Range(from, count).Select(i => new ChannelMessage(
            $"m_{i:D5}", i % 2 == 0 ? MessageDirection.In : MessageDirection.Out, $"tin nhắn {i} <&>", [],
            new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i), "sender")),
    ];

    /// <summary>What the stores sent: method and URL of each storage call (retries not repeated).</summary>
    internal sealed class RequestLog : HttpPipelineSynchronousPolicy
    {
        private readonly ConcurrentQueue<(RequestMethod Method, Uri Uri)> requests = new();

        /// <summary>Entity-group transactions sent (one <c>$batch</c> request each).</summary>
        public int Transactions => requests.Count(r => r.Uri.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal));

        /// <summary>Query pages asked for with a continuation token (the second page of a query onwards).</summary>
        public int ContinuationPages => requests.Count(r => r.Method == RequestMethod.Get && r.Uri.Query.Contains("NextPartitionKey", StringComparison.Ordinal));

        public override void OnSendingRequest(HttpMessage message) => requests.Enqueue((message.Request.Method, message.Request.Uri.ToUri()));

        public void Clear() => requests.Clear();
    }
}
