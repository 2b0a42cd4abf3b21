using System.Globalization;
using Harasocial.Sync.Channels;
using Harasocial.Sync.Channels.Zalo;
using Harasocial.Sync.Storage;
using Harasocial.Sync.Sync.Steps;

namespace Harasocial.Functions.Tests.Sync;

/// <summary>
/// The distinct-customer walk over Zalo <c>listrecentchat</c> pages of 10 rows under both readings (channel-apis.md
/// §3.3), through the real mapper, with the stored rows kept in memory the way the step stores them.
/// </summary>
public sealed class CustomerWalkTests
{
    private const string Oa = "3000000000000000001";
    private const string Initial = "job_initial";

    public static TheoryData<bool> Readings() => [false, true];

    [Theory]
    [MemberData(nameof(Readings))]
    public void Walk_140Customers_Takes100NewestEachOnce_LoadMoreTheNext30ThenTheRest(bool rowPerMessage)
    {
        var rows = Listing(rowPerMessage);
        var stored = new Dictionary<string, ConversationEntity>(StringComparer.Ordinal);

        var first = Walk(rows, stored, Initial, null, 0, 100);
        var second = Walk(rows, stored, "job_more1", first.ResumeAt, 100, 130);
        var third = Walk(rows, stored, "job_more2", second.ResumeAt, 130, 160);

        Assert.Equal(Customers(0, 100), first.Taken);
        Assert.Equal(100, first.TakenSoFar);
        Assert.Equal(Customers(100, 30), second.Taken);
        Assert.Equal(Customers(130, 10), third.Taken);
        Assert.Equal(140, third.TakenSoFar);
        Assert.Equal(140, stored.Count);

        // The fewest pages: the rows up to the 100th customer's first row, in pages of 10.
        Assert.Equal((FirstRowOf(rows, Customer(99)) / 10) + 1, first.Pages);
        Assert.True(rowPerMessage ? first.Pages > 10 : first.Pages == 10, $"{first.Pages} pages");
    }

    [Theory]
    [MemberData(nameof(Readings))]
    public void Walk_StopsMidPage_ResumesRightAfterTheLastCustomersFirstRow(bool rowPerMessage)
    {
        var rows = Listing(rowPerMessage);

        var walk = Walk(rows, [], Initial, null, 0, 95);

        var resume = ZaloCursor.Decode(walk.ResumeAt);
        Assert.Equal(FirstRowOf(rows, Customer(94)) + 1, resume);
        Assert.Equal(Customers(0, 95).Order(StringComparer.Ordinal), rows.Take(resume).Select(CustomerOf).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Page_RedeliveredToTheSameStep_TakesAndCountsTheSameCustomers()
    {
        var rows = Listing(rowPerMessage: true);
        var stored = new Dictionary<string, ConversationEntity>(StringComparer.Ordinal);
        Walk(rows, stored, Initial, null, 0, 3); // the earlier pages: customers 0-2 are TakenEarlier from here on
        var page = ZaloMapper.GroupByCustomer(rows.Skip(40).Take(10).ToList(), Oa, 0, 40);

        var once = Page(page, stored, Initial, "40", 3, 100);
        var again = Page(page, stored, Initial, "40", 3, 100);

        Assert.NotEmpty(once.Taken);
        Assert.Equal(once.Taken.Select(c => c.Customer.Id), again.Taken.Select(c => c.Customer.Id));
        Assert.Equal(once.TakenSoFar, again.TakenSoFar);
        Assert.DoesNotContain(once.Taken, c => c.Customer.Id == Customer(0));
    }

    [Fact]
    public void Page_CustomersHeldOrTakenEarlier_SkippedAndNotCounted()
    {
        var page = ZaloMapper.GroupByCustomer(
            [Row(Customer(1), 9), Row(Customer(2), 8), Row(Customer(1), 7), Row(Customer(3), 6), Row(Customer(4), 5)], Oa, 0, 20);
        var standings = new Dictionary<string, CustomerStanding>
        {
            [Customer(1)] = CustomerStanding.Held,
            [Customer(2)] = CustomerStanding.TakenEarlier,
            [Customer(3)] = CustomerStanding.TakenByThisStep,
        };

        var walk = CustomerWalk.Take(page, id => standings.GetValueOrDefault(id, CustomerStanding.New), 7, 100, "20", "30");

        Assert.Equal([Customer(3), Customer(4)], walk.Taken.Select(c => c.Customer.Id));
        Assert.Equal(9, walk.TakenSoFar);
        Assert.False(walk.Done);
        Assert.Equal("30", walk.ResumeAt);
    }

    [Fact]
    public void Standing_FromTheStoredRow_NewTakenHereTakenEarlierOrHeld()
    {
        var here = new ConversationEntity { ImportedByJob = Initial, SyncedBy = ConversationEntity.Writer(Initial, "p2") };
        var earlier = new ConversationEntity { ImportedByJob = Initial, SyncedBy = ConversationEntity.Writer(Initial, "p1") };
        var webhook = new ConversationEntity();
        var lastJob = new ConversationEntity { ImportedByJob = "job_old", SyncedBy = ConversationEntity.Writer("job_old", "p2") };

        Assert.Equal(
            [CustomerStanding.New, CustomerStanding.TakenByThisStep, CustomerStanding.TakenEarlier, CustomerStanding.Held, CustomerStanding.Held],
            new[] { null, here, earlier, webhook, lastJob }.Select(row => CustomerWalk.Standing(row, Initial, "p2")));
    }

    /// <summary>
    /// 140 customers; customer k's newest message is k minutes old. A quarter have 40 messages, the rest 6, one every 90
    /// seconds — so in the message-per-row reading the busy customers fill many rows between the others' first rows.
    /// </summary>
    private static List<ZaloRow> Listing(bool rowPerMessage)
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000);
        var rows = new List<ZaloRow>();
        for (var k = 0; k < 140; k++)
        {
            var count = rowPerMessage ? (k % 4 == 0 ? 40 : 6) : 1;
            rows.AddRange(Enumerable.Range(0, count).Select(i =>
                Row(Customer(k), (now - TimeSpan.FromMinutes(k) - TimeSpan.FromSeconds(90 * i)).ToUnixTimeMilliseconds())));
        }

        return [.. rows.OrderByDescending(r => r.Time).ThenBy(r => r.FromId, StringComparer.Ordinal)];
    }

    private static (List<string> Taken, int TakenSoFar, string? ResumeAt, int Pages) Walk(
        List<ZaloRow> rows, Dictionary<string, ConversationEntity> stored, string jobId, string? cursor, int takenBefore, int target)
    {
        var (taken, count, pages) = (new List<string>(), takenBefore, 0);
        while (true)
        {
            var offset = ZaloCursor.Decode(cursor);
            var pageRows = rows.Skip(offset).Take(10).ToList();
            pages++;
            var walk = Page(ZaloMapper.GroupByCustomer(pageRows, Oa, 0, offset), stored, jobId, cursor, count, target, ZaloCursor.Next(offset, 10, pageRows.Count));
            taken.AddRange(walk.Taken.Select(c => c.Customer.Id));
            count = walk.TakenSoFar;
            if (walk.Done)
            {
                return (taken, count, walk.ResumeAt, pages);
            }

            cursor = ZaloCursor.Next(offset, 10, pageRows.Count);
        }
    }

    /// <summary>One page as the step runs it: judge, take, store what was taken with this step as its writer.</summary>
    private static CustomerWalkPage Page(
        IReadOnlyList<ChannelConversation> page, Dictionary<string, ConversationEntity> stored, string jobId, string? cursor, int takenBefore, int target, string? next = "next")
    {
        var stepId = "conversations:" + (cursor ?? "start");
        var walk = CustomerWalk.Take(page, id => CustomerWalk.Standing(stored.GetValueOrDefault(id), jobId, stepId), takenBefore, target, cursor, next);
        foreach (var c in walk.Taken)
        {
            var row = stored.GetValueOrDefault(c.Customer.Id) ?? new ConversationEntity { ImportedByJob = jobId, ImportedByStep = stepId };
            row.SyncedBy = ConversationEntity.Writer(jobId, stepId);
            stored[c.Customer.Id] = row;
        }

        return walk;
    }

    private static int FirstRowOf(List<ZaloRow> rows, string customer) => rows.FindIndex(r => CustomerOf(r) == customer);

    private static string CustomerOf(ZaloRow row) => ZaloMapper.CustomerOf(row, Oa).Id;

    private static List<string> Customers(int from, int count) => [.. Enumerable.Range(from, count).Select(Customer)];

    /// <summary>19-digit ids beyond 2^53, as Zalo's are.</summary>
    private static string Customer(int k) => (9_007_199_254_740_993L + (2 * k)).ToString(CultureInfo.InvariantCulture);

    private static ZaloRow Row(string customer, long time) =>
        new(1, time, "text", "hi", $"msg{customer}{time}", customer, "Khách", Oa, "OA", null, null);
}
