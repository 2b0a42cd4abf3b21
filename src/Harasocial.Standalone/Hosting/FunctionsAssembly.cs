namespace Harasocial.Standalone.Hosting;

/// <summary>
/// Marks this assembly for WebApplicationFactory in the integration tests (they also reference the simulator,
/// whose top-level <c>Program</c> would make the name ambiguous).
/// </summary>
public sealed class FunctionsAssembly
{
    private FunctionsAssembly()
    {
    }
}
