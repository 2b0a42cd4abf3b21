using Azure.Data.Tables;
using Harasocial.Sync.Storage;
using Harasocial.Sync.Sync.Jobs;

namespace Harasocial.Sync.Connections;

/// <summary>Deletes everything a connection imported: messages, conversations, comments, posts, webhook counters, then the row.</summary>
internal sealed class ConnectionPurger(TableServiceClient tables, StorageNames names, ConnectionStore connections)
{
    public async Task PurgeAsync(ConnectionEntity connection, CancellationToken cancellationToken)
    {
        var conversations = tables.GetTableClient(names.Table(StorageNames.ConversationsTable));
        var customers = new List<string>();
        await foreach (var row in conversations.QueryPrefixAsync<ConversationEntity>(connection.RowKey, ConversationStore.ConversationPrefix, cancellationToken: cancellationToken))
        {
            customers.Add(row.CustomerId);
        }

        foreach (var customer in customers)
        {
            await DeletePartitionAsync(names.Table(StorageNames.MessagesTable), MessageStore.Partition(connection.RowKey, customer), cancellationToken);
        }

        var posts = tables.GetTableClient(names.Table(StorageNames.PostsTable));
        await foreach (var post in posts.QueryAsync<PostEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {connection.RowKey}"), cancellationToken: cancellationToken))
        {
            await DeletePartitionAsync(names.Table(StorageNames.CommentsTable), PostStore.CommentPartition(connection.RowKey, post.ExternalId), cancellationToken);
        }

        await DeletePartitionAsync(names.Table(StorageNames.PostsTable), connection.RowKey, cancellationToken);
        await DeletePartitionAsync(names.Table(StorageNames.ConversationsTable), connection.RowKey, cancellationToken);
        await DeletePartitionAsync(names.Table(StorageNames.CountersTable), connection.RowKey, cancellationToken);
        await DeletePartitionAsync(names.Table(StorageNames.LeasesTable), SyncJobs.BackfillClaims(connection.RowKey), cancellationToken);
        await connections.DeleteAsync(connection, cancellationToken);
    }

    private async Task DeletePartitionAsync(string tableName, string partition, CancellationToken cancellationToken)
    {
        var table = tables.GetTableClient(tableName);
        var keys = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), 1000, ["RowKey"], cancellationToken))
        {
            keys.Add(row.RowKey);
        }

        var actions = keys.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, k))).ToList();
        await table.SubmitInChunksAsync(actions, cancellationToken);
    }
}
