using Azure.Data.Tables;
using Harasocial.Sync.Channels;

namespace Harasocial.Sync.Storage;

/// <summary>Posts/media per connection and comments per post, newest first, keyed by the channel's ids.</summary>
internal sealed class PostStore(TableServiceClient tables, StorageNames names)
{
    private TableClient Posts => tables.GetTableClient(names.Table(StorageNames.PostsTable));

    private TableClient Comments => tables.GetTableClient(names.Table(StorageNames.CommentsTable));

    public static string CommentPartition(string connectionId, string postId) => connectionId + "|" + Keys.Escape(postId);

    public async Task SavePostsAsync(string connectionId, IEnumerable<ChannelPost> posts, CancellationToken cancellationToken)
    {
        var actions = posts.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new PostEntity
        {
            PartitionKey = connectionId,
            RowKey = Keys.Inverted(p.CreatedAt) + "|" + Keys.Escape(p.ExternalId),
            ExternalId = p.ExternalId,
            Text = p.Text,
            CreatedAt = p.CreatedAt,
            Permalink = p.Permalink,
            CommentCount = p.CommentCount,
        })).ToList();
        await Posts.SubmitInChunksAsync(actions, cancellationToken);
    }

    public async Task SaveCommentsAsync(string connectionId, IEnumerable<ChannelComment> comments, CancellationToken cancellationToken)
    {
        foreach (var post in comments.GroupBy(c => c.PostExternalId, StringComparer.Ordinal))
        {
            var actions = post.DistinctBy(c => c.ExternalId, StringComparer.Ordinal)
                .Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, CommentEntity(connectionId, c))).ToList();
            await Comments.SubmitInChunksAsync(actions, cancellationToken);
        }
    }

    /// <summary>Keeps the newest <paramref name="limit"/> comments across these posts and deletes the others; returns how many remain.</summary>
    public async Task<int> KeepNewestCommentsAsync(string connectionId, IReadOnlyList<string> postIds, int limit, CancellationToken cancellationToken)
    {
        var all = new List<PostEntity>();
        foreach (var postId in postIds)
        {
            all.AddRange(await ListCommentsAsync(connectionId, postId, 10_000, cancellationToken));
        }

        var drop = all.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.ExternalId, StringComparer.Ordinal).Skip(limit).ToList();
        foreach (var partition in drop.GroupBy(c => c.PartitionKey, StringComparer.Ordinal))
        {
            await Comments.SubmitInChunksAsync([.. partition.Select(c => new TableTransactionAction(TableTransactionActionType.Delete, c))], cancellationToken);
        }

        return all.Count - drop.Count;
    }

    /// <summary>
    /// Adds a comment unless it is stored already: an insert, so an "add" that races or follows its "edited" (same row
    /// key: the comment's creation time and id) loses instead of undoing the edit.
    /// </summary>
    public async Task AddCommentIfAbsentAsync(string connectionId, ChannelComment comment, CancellationToken cancellationToken)
    {
        try
        {
            await Comments.AddEntityAsync(CommentEntity(connectionId, comment), cancellationToken);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 409)
        {
            // Already there (a duplicate delivery, or the edit got here first).
        }
    }

    /// <summary>Removes a comment by its channel id (its row key also holds its time, so look it up first).</summary>
    public async Task DeleteCommentAsync(string connectionId, string postId, string commentId, CancellationToken cancellationToken)
    {
        foreach (var row in await FindCommentRowsAsync(connectionId, postId, commentId, cancellationToken))
        {
            await Comments.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Adds or edits one comment; an edit that changed its time leaves no stale row behind.</summary>
    public async Task SaveCommentAsync(string connectionId, ChannelComment comment, CancellationToken cancellationToken)
    {
        var key = Keys.Inverted(comment.CreatedAt) + "|" + Keys.Escape(comment.ExternalId);
        foreach (var stale in (await FindCommentRowsAsync(connectionId, comment.PostExternalId, comment.ExternalId, cancellationToken)).Where(r => r.RowKey != key))
        {
            await Comments.DeleteEntityAsync(stale.PartitionKey, stale.RowKey, cancellationToken: cancellationToken);
        }

        await SaveCommentsAsync(connectionId, [comment], cancellationToken);
    }

    private async Task<List<PostEntity>> FindCommentRowsAsync(string connectionId, string postId, string commentId, CancellationToken cancellationToken) =>
        (await Comments.PageAsync<PostEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {CommentPartition(connectionId, postId)} and ExternalId eq {commentId}"), 100, cancellationToken)).Items;

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

    public async Task<List<PostEntity>> ListPostsAsync(string connectionId, int limit, CancellationToken cancellationToken) =>
        (await Posts.PageAsync<PostEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {connectionId}"), limit, cancellationToken)).Items;

    public async Task<List<PostEntity>> ListCommentsAsync(string connectionId, string postId, int limit, CancellationToken cancellationToken) =>
        (await Comments.PageAsync<PostEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {CommentPartition(connectionId, postId)}"), limit, cancellationToken)).Items;
}
