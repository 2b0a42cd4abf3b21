using Harasocial.Sync.Channels;
using Harasocial.Sync.Storage;

namespace Harasocial.Sync.Sync.Steps;

/// <summary>Where a customer met on a listing page stands, judged from its stored conversation row.</summary>
internal enum CustomerStanding
{
    /// <summary>Not stored yet.</summary>
    New,

    /// <summary>Written by this very step in an earlier attempt (a redelivery after a crash): taken again, counted here.</summary>
    TakenByThisStep,

    /// <summary>Taken by an earlier page of this walk: Zalo's message-per-row listing repeats customers across pages.</summary>
    TakenEarlier,

    /// <summary>Stored before this job (an earlier import, a webhook, a backfill).</summary>
    Held,
}

/// <summary>
/// The distinct-customer walk over a listing that comes newest activity first (Zalo <c>listrecentchat</c> under
/// either reading, Shopee, Instagram): customers are taken in the order of their first row, each once, until
/// <c>target</c> are taken or the list ends. Under Zalo's message-per-row reading (channel-apis.md §3.3) a page of
/// 10 rows holds 1–10 customers and a customer recurs on later pages; the walk neither takes nor counts a customer
/// twice. Pure: the caller says where each customer stands; the walk says whom to take, whether it is done, and
/// where the next walk (load-more) resumes.
/// </summary>
internal static class CustomerWalk
{
    /// <param name="page">One listing page, customers in order of first appearance.</param>
    /// <param name="standing">Where a customer id stands (see <see cref="Standing"/>).</param>
    /// <param name="takenBefore">Customers this walk took on earlier pages (load-more: the connection's listed count).</param>
    /// <param name="target">How many customers the walk takes in all.</param>
    /// <param name="pageCursor">The cursor this page was listed with.</param>
    /// <param name="nextCursor">The cursor of the page after it (null: the list ended).</param>
    public static CustomerWalkPage Take(
        IReadOnlyList<ChannelConversation> page,
        Func<string, CustomerStanding> standing,
        int takenBefore,
        int target,
        string? pageCursor,
        string? nextCursor)
    {
        var taken = new List<ChannelConversation>();
        var count = takenBefore;
        foreach (var conversation in page.DistinctBy(c => c.Customer.Id, StringComparer.Ordinal))
        {
            if (count >= target)
            {
                break;
            }

            // Held: load-more takes only customers not imported yet (SPEC §2), and an initial sync leaves a customer a
            // webhook brought in during it to that webhook's backfill.
            if (standing(conversation.Customer.Id) is CustomerStanding.New or CustomerStanding.TakenByThisStep)
            {
                taken.Add(conversation);
                count++;
            }
        }

        var full = count >= target;

        // Full: resume just after the last customer taken (mid-page where the listing allows it, else this page
        // again: what was taken is stored by then and skipped). Ended: stay at the last page, not the list's start.
        var resumeAt = full || nextCursor is null
            ? (taken.Count > 0 ? taken[^1].ResumeCursor : null) ?? pageCursor
            : nextCursor;
        return new CustomerWalkPage(taken, count, full || nextCursor is null, resumeAt);
    }

    /// <summary>Where a stored row (or none) puts its customer for step <paramref name="stepId"/> of job <paramref name="jobId"/>.</summary>
    public static CustomerStanding Standing(ConversationEntity? stored, string jobId, string stepId) =>
        stored is null ? CustomerStanding.New
        : string.Equals(stored.SyncedBy, ConversationEntity.Writer(jobId, stepId), StringComparison.Ordinal) ? CustomerStanding.TakenByThisStep
        : stored.SyncedBy is { } by && by.StartsWith(jobId + "/", StringComparison.Ordinal) ? CustomerStanding.TakenEarlier
        : CustomerStanding.Held;
}

/// <summary>One page of a walk: whom to take, how many the walk has taken so far, whether it is done, where to resume.</summary>
internal sealed record CustomerWalkPage(IReadOnlyList<ChannelConversation> Taken, int TakenSoFar, bool Done, string? ResumeAt);
