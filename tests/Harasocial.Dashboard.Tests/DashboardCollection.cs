namespace Harasocial.Dashboard.Tests;

/// <summary>
/// Every dashboard test class shares one fixture (Azurite, simulator, app process, Chromium) and runs one after another:
/// tests change simulator-wide state (faults), and one app process on a 2-core machine is enough.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard";
}
