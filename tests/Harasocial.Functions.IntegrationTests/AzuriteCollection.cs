using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests;

/// <summary>One Azurite per test run for the app's integration tests; each app instance gets its own name prefix.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
