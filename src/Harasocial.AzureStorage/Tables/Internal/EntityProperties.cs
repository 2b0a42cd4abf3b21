namespace Harasocial.AzureStorage;

/// <summary>Enumerates an entity's custom (non-system) properties, whether it is a <see cref="TableEntity"/> or a mapped type.</summary>
internal static class EntityProperties
{
    public static IEnumerable<KeyValuePair<string, object?>> Enumerate(ITableEntity entity)
    {
        if (entity is IDictionary<string, object?> bag)
        {
            foreach (var pair in bag)
            {
                if (!IsSystem(pair.Key))
                {
                    yield return pair;
                }
            }

            yield break;
        }

        foreach (var (name, accessor) in AccessorCache.Get(entity.GetType()))
        {
            yield return new(name, accessor.Get(entity));
        }
    }

    public static bool IsSystem(string name) =>
        name is TableConstants.PartitionKey or TableConstants.RowKey or TableConstants.Timestamp or TableConstants.ODataEtag
        || name.StartsWith("odata.", StringComparison.Ordinal);
}
