namespace Harasocial.Functions.IntegrationTests;

/// <summary>Polls a condition until it holds; the test fails with a timeout when it never does.</summary>
internal static class Eventually
{
    public static Task TrueAsync(Func<bool> condition, TimeSpan? timeout = null) => TrueAsync(() => Task.FromResult(condition()), timeout);

    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not become true in time.");
            }

            await Task.Delay(100);
        }
    }
}
