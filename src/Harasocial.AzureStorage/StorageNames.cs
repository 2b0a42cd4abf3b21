namespace Harasocial.AzureStorage;

/// <summary>Placeholder replaced by the storage client.</summary>
public static class StorageNames
{
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";
}
