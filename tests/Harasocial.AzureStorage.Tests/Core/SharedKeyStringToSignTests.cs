using Harasocial.Testing;

namespace Harasocial.AzureStorage.Tests.Core;

[Collection(AzuriteCollection.Name)]
public sealed class SharedKeyStringToSignTests(AzuriteFixture azurite)
{
    private const string Date = "Mon, 01 Jan 2024 00:00:00 GMT";

    [Fact]
    public void ForTable_PathStyleWithQueryAndEscapedKeys_SignsAccountTwiceAndOnlyComp()
    {
        var uri = new Uri("http://127.0.0.1:10002/devstoreaccount1/jobs(PartitionKey='a%20b%27%27c',RowKey='%C3%BC%2B')?$filter=x%20eq%201&comp=list");

        var actual = SharedKeyStringToSign.ForTable("GET", uri, null, "application/json", Date, "devstoreaccount1");

        Assert.Equal(
            "GET\n\napplication/json\n" + Date + "\n" +
            "/devstoreaccount1/devstoreaccount1/jobs(PartitionKey='a%20b%27%27c',RowKey='%C3%BC%2B')?comp=list",
            actual);
    }

    [Fact]
    public void ForTable_HostStyleNoQuery_SignsAccountOnce()
    {
        var uri = new Uri("https://acct.table.core.windows.net/Tables");

        var actual = SharedKeyStringToSign.ForTable("POST", uri, "md5", "application/json", Date, "acct");

        Assert.Equal("POST\nmd5\napplication/json\n" + Date + "\n/acct/Tables", actual);
    }

    [Fact]
    public void ForQueue_HeadersAndQuery_CanonicalizesSortedLowercaseDecoded()
    {
        var uri = new Uri("http://127.0.0.1:10001/devstoreaccount1/q1/messages/id1?VisibilityTimeout=30&popreceipt=a%2Bb%3D&comp=x&comp=a");
        KeyValuePair<string, string>[] headers =
        [
            new("x-ms-version", "2019-02-02"),
            new("Content-Type", "application/xml; charset=utf-8"),
            new("X-MS-Date", Date),
            new("If-Match", "*"),
        ];

        var actual = SharedKeyStringToSign.ForQueue("PUT", uri, headers, 57, "devstoreaccount1");

        Assert.Equal(
            "PUT\n" + "\n" + "\n" + "57\n" + "\n" + "application/xml; charset=utf-8\n" + "\n" + "\n" + "*\n" + "\n" + "\n" + "\n" +
            "x-ms-date:" + Date + "\n" + "x-ms-version:2019-02-02\n" +
            "/devstoreaccount1/devstoreaccount1/q1/messages/id1\ncomp:a,x\npopreceipt:a+b=\nvisibilitytimeout:30",
            actual);
    }

    [Fact]
    public void ForQueue_ZeroLength_SignsEmptyContentLength()
    {
        var actual = SharedKeyStringToSign.ForQueue("DELETE", new Uri("https://acct.queue.core.windows.net/q"), [], 0, "acct");

        Assert.Equal("DELETE\n\n\n\n\n\n\n\n\n\n\n\n/acct/q", actual);
    }

    [Fact]
    public async Task SharedKey_LiveRequestsWithSpecialCharacters_Authenticate()
    {
        var table = await StorageTestClients.NewTableAsync(azurite);
        var entity = new TableEntity("p a'r%t+ü", "r'o w%2F+é") { ["V"] = 1 };
        await table.AddEntityAsync(entity);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {entity.PartitionKey} and RowKey ge {"'&%+ "}");
        var found = await table.QueryAsync<TableEntity>(filter, select: ["V"]).ToListAsync();

        var fetched = await table.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey);
        var queue = await StorageTestClients.NewQueueAsync(azurite);
        var sent = await queue.SendMessageAsync("x", TimeSpan.Zero, TimeSpan.FromMinutes(1));
        await queue.DeleteMessageAsync(sent.Value.MessageId, sent.Value.PopReceipt);

        Assert.Single(found);
        Assert.Equal(1, fetched.Value.GetInt32("V"));
    }
}
