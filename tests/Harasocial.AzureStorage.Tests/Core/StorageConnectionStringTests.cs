namespace Harasocial.AzureStorage.Tests.Core;

public sealed class StorageConnectionStringTests
{
    private const string Key = StorageConnectionString.DevelopmentAccountKey;

    [Fact]
    public void Parse_DevelopmentStorage_UsesAzuriteDefaults()
    {
        var parsed = StorageConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", parsed.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), parsed.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), parsed.QueueEndpoint);
    }

    [Fact]
    public void Parse_AccountKeyWithSuffix_BuildsHostStyleEndpoints()
    {
        var parsed = StorageConnectionString.Parse(
            $"DefaultEndpointsProtocol=https;AccountName=harasocial;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal("harasocial", parsed.AccountName);
        Assert.Equal(new Uri("https://harasocial.table.core.chinacloudapi.cn"), parsed.TableEndpoint);
        Assert.Equal(new Uri("https://harasocial.queue.core.chinacloudapi.cn"), parsed.QueueEndpoint);
    }

    [Fact]
    public void Parse_NoProtocolOrSuffix_DefaultsToHttpsCoreWindows()
    {
        var parsed = StorageConnectionString.Parse($"AccountName=acct;AccountKey={Key}");

        Assert.Equal(new Uri("https://acct.table.core.windows.net"), parsed.TableEndpoint);
    }

    [Fact]
    public void Parse_ExplicitPathStyleEndpoints_KeepsThem()
    {
        var parsed = StorageConnectionString.Parse(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};" +
            "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;");

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), parsed.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), parsed.QueueEndpoint);
    }

    [Theory]
    [InlineData("")]
    [InlineData(";;")]
    [InlineData("garbage")]
    [InlineData("UseDevelopmentStorage=false")]
    [InlineData("AccountName=acct")]
    [InlineData("AccountName=acct;AccountKey=not*base64")]
    [InlineData("AccountName=acct;AccountKey=AAAA;DefaultEndpointsProtocol=ftp")]
    [InlineData("AccountName=acct;AccountKey=AAAA;TableEndpoint=not a uri")]
    [InlineData("SharedAccessSignature=sv=2020;TableEndpoint=https://x.table.core.windows.net")]
    public void Parse_BadInput_ThrowsFormatException(string connectionString)
    {
        Assert.Throws<FormatException>(() => StorageConnectionString.Parse(connectionString));
    }
}
