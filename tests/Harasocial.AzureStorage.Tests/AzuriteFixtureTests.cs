using System.Net.Sockets;
using Harasocial.Testing;

namespace Harasocial.AzureStorage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteFixtureTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Fixture_Started_TableAndQueuePortsAccept()
    {
        using var table = new TcpClient();
        await table.ConnectAsync("127.0.0.1", azurite.TablePort);
        using var queue = new TcpClient();
        await queue.ConnectAsync("127.0.0.1", azurite.QueuePort);
        Assert.True(table.Connected && queue.Connected);
        Assert.Matches("^t[0-9a-f]{8}$", azurite.RunPrefix);
    }
}
