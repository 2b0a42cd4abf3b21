namespace Harasocial.Functions.Tests.Support;

internal static class Fixture
{
    public static byte[] Bytes(string channel, string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", channel, name));
}
