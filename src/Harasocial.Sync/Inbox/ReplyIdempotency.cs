using System.Security.Cryptography;
using System.Text;
using Harasocial.Sync.Api;
using Harasocial.Sync.Storage;

namespace Harasocial.Sync.Inbox;

/// <summary>What a reply request answered: a 2xx JSON body given again byte for byte, or a 4xx problem's title and detail.</summary>
internal sealed record ReplyAnswer(int Status, string? Json, string? Title = null, string? Detail = null)
{
    public IResult ToResult() => Json is not null
        ? Results.Text(Json, "application/json; charset=utf-8", Encoding.UTF8, Status)
        : Problems.Status(Status, Title ?? "Error", Detail ?? string.Empty);
}

/// <summary>
/// <c>Idempotency-Key</c> on <c>POST /api/conversations/{id}/messages</c> (SPEC §4), so a client can retry a reply
/// safely: the first request with a key claims it (an insert: of concurrent requests exactly one runs) and stores its
/// answer; the same key with the same conversation and text within 24 hours gets that answer again and sends nothing
/// (requests arriving while the first runs wait for it); the same key with another request is a 422. A 5xx answer
/// (the channel refused or did not answer: nothing was sent) gives the key up, so a retry with it sends again. If the
/// instance running the first request dies mid-send, the key is taken over after its 2-minute lease: that one reply
/// could then be sent twice (the send itself is not transactional with the channel).
/// </summary>
internal sealed partial class ReplyIdempotency(IdempotencyStore store, TimeProvider time, ILogger<ReplyIdempotency> log)
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 255;

    /// <summary>How long a key's answer is kept (SPEC §4: 24 h).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>How long a request waits for the one running with its key: longer than a channel call may take (30 s).</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(35);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>The header's key (null when absent); 400 for an empty, long or non-printable-ASCII key.</summary>
    public static bool TryReadKey(HttpRequest request, out string? key, out IResult? problem)
    {
        (key, problem) = (null, null);
        if (!request.Headers.TryGetValue(Header, out var values))
        {
            return true;
        }

        var value = values.Count == 1 ? values[0] : null;
        if (value is { Length: > 0 and <= MaxKeyLength } && value.All(c => c is >= '!' and <= '~'))
        {
            key = value;
            return true;
        }

        problem = Problems.Validation(Header, $"{Header} must be one value of 1 to {MaxKeyLength} printable ASCII characters without spaces (a UUID is a good key).");
        return false;
    }

    /// <summary>What the request asks for: a key reused for another conversation or text is refused.</summary>
    public static string Fingerprint(string conversationId, string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(conversationId + "\n" + text)));

    public async Task<IResult> RunAsync(HttpContext http, string tenantId, string key, string fingerprint, Func<Task<ReplyAnswer>> send)
    {
        var cancellationToken = http.RequestAborted;
        var rowKey = "r|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var deadline = time.GetUtcNow() + MaxWait;
        while (true)
        {
            var now = time.GetUtcNow();
            var claim = new IdempotencyEntity { PartitionKey = tenantId, RowKey = rowKey, Fingerprint = fingerprint, CreatedAt = now, Pending = now + Lease };
            if (await store.TryClaimAsync(claim, cancellationToken))
            {
                return await OwnAsync(claim, send);
            }

            var row = await store.GetAsync(tenantId, rowKey, cancellationToken);
            if (row is null)
            {
                continue; // Given up a moment ago: claim it again.
            }

            var expired = row.CreatedAt + Retention <= now;
            if (!expired && !string.Equals(row.Fingerprint, fingerprint, StringComparison.Ordinal))
            {
                return Problems.Status(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                    $"This {Header} was used within the last 24 hours for another request (another conversation or text). Use a new key for a new reply.");
            }

            if (expired || row.Pending <= now)
            {
                // Older than 24 h, or the instance that claimed it died mid-request: one taker runs it.
                if (await store.TryTakeOverAsync(row, claim, cancellationToken))
                {
                    LogTakenOver(log, tenantId, expired);
                    return await OwnAsync(claim, send);
                }

                continue;
            }

            if (row.Pending is null)
            {
                LogReplayed(log, tenantId, row.Status);
                http.Response.Headers["Idempotent-Replayed"] = "true";
                return new ReplyAnswer(row.Status, row.Body, row.Title, row.Detail).ToResult();
            }

            if (now >= deadline)
            {
                http.Response.Headers.RetryAfter = "5";
                return Problems.Conflict($"A request with this {Header} is still being sent. Retry it with the same key in a few seconds to get its answer.");
            }

            await Task.Delay(Poll, time, cancellationToken);
        }
    }

    private async Task<IResult> OwnAsync(IdempotencyEntity claim, Func<Task<ReplyAnswer>> send)
    {
        ReplyAnswer answer;
        try
        {
            answer = await send();
        }
        catch
        {
            await ReleaseAsync(claim);
            throw;
        }

        if (answer.Status >= 500)
        {
            await ReleaseAsync(claim);
            return answer.ToResult();
        }

        (claim.Pending, claim.Status, claim.Body, claim.Title, claim.Detail) = (null, answer.Status, answer.Json, answer.Title, answer.Detail);
        try
        {
            await store.CompleteAsync(claim, CancellationToken.None);
        }
        catch (Azure.RequestFailedException ex)
        {
            // The reply is sent and stored; only its answer could not be kept: a retry within the lease waits, later it resends.
            LogNotKept(log, claim.PartitionKey, ex);
        }

        return answer.ToResult();
    }

    private async Task ReleaseAsync(IdempotencyEntity claim)
    {
        try
        {
            await store.ReleaseAsync(claim.PartitionKey, claim.RowKey, CancellationToken.None);
        }
        catch (Azure.RequestFailedException ex)
        {
            LogNotReleased(log, claim.PartitionKey, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reply of tenant {TenantId} answered again from its Idempotency-Key ({Status})")]
    private static partial void LogReplayed(ILogger logger, string tenantId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idempotency-Key of tenant {TenantId} taken over (expired: {Expired}; otherwise its request's lease ran out)")]
    private static partial void LogTakenOver(ILogger logger, string tenantId, bool expired);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The answer of a reply of tenant {TenantId} could not be kept for its Idempotency-Key")]
    private static partial void LogNotKept(ILogger logger, string tenantId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An Idempotency-Key of tenant {TenantId} could not be given up after a failed reply")]
    private static partial void LogNotReleased(ILogger logger, string tenantId, Exception exception);
}
