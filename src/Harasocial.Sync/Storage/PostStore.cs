using Azure;
using Azure.Data.Tables;
using Harasocial.Sync.Channels;

namespace Harasocial.Sync.Storage;

/// <summary>
/// Posts/media per connection and comments per post, newest first, keyed by the channel's ids. Like messages, a row is
/// counted by the write that created it: sync writes insert rows that are new and record their writer (the job), so
/// a repeated initial sync counts nothing twice and an activity run again after a crash counts its own rows again;
/// webhook writes say whether they added or removed a row.
/// </summary>
internal sealed class PostStore(TableServiceClient tables, StorageNames names)
{
    private TableClient Posts => tables.GetTableClient(names.Table(StorageNames.PostsTable));

    private TableClient Comments => tables.GetTableClient(names.Table(StorageNames.CommentsTable));

    public static string CommentPartition(string connectionId, string postId) => connectionId + "|" + Keys.Escape(postId);

    /// <summary>Stores these posts (new ones inserted, known ones updated); returns how many <paramref name="writer"/> created.</summary>
    public Task<int> SavePostsAsync(string connectionId, IEnumerable<ChannelPost> posts, string writer, CancellationToken cancellationToken) =>
        SaveAsync(Posts, connectionId, [.. posts.DistinctBy(p => p.ExternalId, StringComparer.Ordinal).Select(p => PostEntity(connectionId, p))], writer, cancellationToken);

    /// <summary>Stores comments of one sync job (new ones inserted, known ones updated); returns how many <paramref name="writer"/> created.</summary>
    public async Task<int> SaveCommentsAsync(string connectionId, IEnumerable<ChannelComment> comments, string writer, CancellationToken cancellationToken)
    {
        var created = 0;
        foreach (var post in comments.GroupBy(c => c.PostExternalId, StringComparer.Ordinal))
        {
            created += await SaveAsync(Comments, CommentPartition(connectionId, post.Key),
                [.. post.DistinctBy(c => c.ExternalId, StringComparer.Ordinal).Select(c => CommentEntity(connectionId, c))], writer, cancellationToken);
        }

        return created;
    }

    /// <summary>
    /// The newest <paramref name="limit"/> comments across these posts stay; of the older ones, those <paramref name="writer"/>
    /// created are deleted (it fetched more than the rule takes), while comments stored before — by an earlier sync or
    /// a webhook — are never removed by a later sync. Returns how many comments are within the limit and how many of
    /// the writer's rows remain: the same numbers when run again after a crash (deleting rows below the limit does not
    /// change which rows are within it).
    /// </summary>
    public async Task<(int Kept, int WriterRows)> KeepNewestCommentsAsync(string connectionId, IReadOnlyList<string> postIds, int limit, string writer, CancellationToken cancellationToken)
    {
        var all = new List<PostEntity>();
        foreach (var postId in postIds)
        {
            await foreach (var row in Comments.QueryAsync<PostEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {CommentPartition(connectionId, postId)}"), 1000, cancellationToken: cancellationToken))
            {
                all.Add(row);
            }
        }

        var ranked = all.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.ExternalId, StringComparer.Ordinal).ToList();
        var drop = ranked.Skip(limit).Where(c => IsWriter(c, writer)).ToList();
        foreach (var partition in drop.GroupBy(c => c.PartitionKey, StringComparer.Ordinal))
        {
            await Comments.SubmitInChunksAsync([.. partition.Select(c => new TableTransactionAction(TableTransactionActionType.Delete, c, ETag.All))], cancellationToken);
        }

        return (Math.Min(limit, ranked.Count), ranked.Count(c => IsWriter(c, writer)) - drop.Count);
    }

    /// <summary>
    /// Adds a comment unless it is stored already: an insert, so an "add" that races or follows its "edited" (same row
    /// key: the comment's creation time and id) loses instead of undoing the edit. True when this call added it.
    /// </summary>
    public async Task<bool> AddCommentIfAbsentAsync(string connectionId, ChannelComment comment, CancellationToken cancellationToken)
    {
        try
        {
            await Comments.AddEntityAsync(CommentEntity(connectionId, comment), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false; // Already there (a duplicate delivery, or the edit got here first).
        }
    }

    /// <summary>Removes a comment by its channel id (its row key also holds its time, so look it up first); returns how many rows this call removed.</summary>
    public async Task<int> DeleteCommentAsync(string connectionId, string postId, string commentId, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var row in await FindCommentRowsAsync(connectionId, postId, commentId, cancellationToken))
        {
            // 404 (a concurrent delivery removed it first) is an answer, not an exception: only a 204 removed it here.
            var response = await Comments.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
            removed += response.Status == 204 ? 1 : 0;
        }

        return removed;
    }

    /// <summary>Adds or edits one comment; an edit that changed its time leaves no stale row behind. Returns the change
    /// in stored comments (1 when it was not stored, else 0).</summary>
    public async Task<int> SaveCommentAsync(string connectionId, ChannelComment comment, CancellationToken cancellationToken)
    {
        var row = CommentEntity(connectionId, comment);
        var existing = await FindCommentRowsAsync(connectionId, comment.PostExternalId, comment.ExternalId, cancellationToken);
        foreach (var stale in existing.Where(r => r.RowKey != row.RowKey))
        {
            await Comments.DeleteEntityAsync(stale.PartitionKey, stale.RowKey, cancellationToken: cancellationToken);
        }

        await Comments.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
        return existing.Count == 0 ? 1 : 0;
    }

    public async Task<List<PostEntity>> ListPostsAsync(string connectionId, int limit, CancellationToken cancellationToken) =>
        (await Posts.PageAsync<PostEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {connectionId}"), limit, cancellationToken)).Items;

    public async Task<List<PostEntity>> ListCommentsAsync(string connectionId, string postId, int limit, CancellationToken cancellationToken) =>
        (await Comments.PageAsync<PostEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {CommentPartition(connectionId, postId)}"), limit, cancellationToken)).Items;

    /// <summary>
    /// Inserts the rows that are new (recording <paramref name="writer"/>) and merges the fields of known ones (their
    /// writer stays), one partition in transactions of 100. When another writer inserts one of them meanwhile, the batch
    /// fails and is read and sorted again. Returns the rows this writer created, now or in an earlier attempt.
    /// </summary>
    private static async Task<int> SaveAsync(TableClient table, string partition, List<PostEntity> rows, string writer, CancellationToken cancellationToken)
    {
        var created = 0;
        for (var attempt = 0; rows.Count > 0; attempt++)
        {
            var known = new Dictionary<string, string?>(StringComparer.Ordinal);
            await foreach (var row in table.QueryAsync<PostEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), 1000, ["RowKey", "WrittenBy"], cancellationToken))
            {
                known[row.RowKey] = row.WrittenBy;
            }

            // Known rows: merge the channel's fields (a null WrittenBy is not sent, so the creator stays recorded).
            var actions = rows.Select(row =>
            {
                row.PartitionKey = partition;
                var isKnown = known.TryGetValue(row.RowKey, out var by);
                row.WrittenBy = isKnown ? null : writer;
                return (Row: row, Own: isKnown && string.Equals(by, writer, StringComparison.Ordinal),
                    Action: new TableTransactionAction(isKnown ? TableTransactionActionType.UpsertMerge : TableTransactionActionType.Add, row));
            }).ToList();

            var pending = new List<PostEntity>();
            for (var i = 0; i < actions.Count; i += 100)
            {
                var chunk = actions.GetRange(i, Math.Min(100, actions.Count - i));
                try
                {
                    await table.SubmitTransactionAsync(chunk.Select(a => a.Action), cancellationToken);
                    created += chunk.Count(a => a.Own || a.Action.ActionType == TableTransactionActionType.Add);
                }
                catch (RequestFailedException ex) when (ex.IsConflict() && attempt < 20)
                {
                    // Another writer inserted one of these first: read this chunk and the rest again.
                    pending = [.. actions.Skip(i).Select(a => a.Row)];
                    break;
                }
            }

            rows = pending;
        }

        return created;
    }

    private static bool IsWriter(PostEntity row, string writer) => string.Equals(row.WrittenBy, writer, StringComparison.Ordinal);

    private async Task<List<PostEntity>> FindCommentRowsAsync(string connectionId, string postId, string commentId, CancellationToken cancellationToken) =>
        (await Comments.PageAsync<PostEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {CommentPartition(connectionId, postId)} and ExternalId eq {commentId}"), 100, cancellationToken)).Items;

    private static PostEntity PostEntity(string connectionId, ChannelPost p) => new()
    {
        PartitionKey = connectionId,
        RowKey = Keys.Inverted(p.CreatedAt) + "|" + Keys.Escape(p.ExternalId),
        ExternalId = p.ExternalId,
        Text = p.Text,
        CreatedAt = p.CreatedAt,
        Permalink = p.Permalink,
        CommentCount = p.CommentCount,
    };

    private static PostEntity CommentEntity(string connectionId, ChannelComment c) => new()
    {
        PartitionKey = CommentPartition(connectionId, c.PostExternalId),
        RowKey = Keys.Inverted(c.CreatedAt) + "|" + Keys.Escape(c.ExternalId),
        ExternalId = c.ExternalId,
        Text = c.Text,
        CreatedAt = c.CreatedAt,
        ParentExternalId = c.ParentExternalId,
        AuthorId = c.AuthorId,
        AuthorName = c.AuthorName,
    };
}
