using System.Net;
using System.Net.Sockets;

namespace Harasocial.Testing;

public static class FreePort
{
    /// <summary>Asks the OS for a free loopback port. Another process could take it before use; the window is tiny.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until something accepts connections on the port; gives up early when <paramref name="gaveUp"/> says so.</summary>
    public static async Task WaitUntilListeningAsync(int port, TimeSpan timeout, Func<bool>? gaveUp = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && gaveUp?.Invoke() != true)
            {
                await Task.Delay(100);
            }
        }
    }
}
