namespace Harasocial.AzureStorage;

/// <summary>Per-type static cache of the accessors of <typeparamref name="T"/>, so a request costs no lookup.</summary>
internal static class EntityMapper<T>
    where T : class, ITableEntity, new()
{
    public static readonly bool IsDictionary = typeof(T) == typeof(TableEntity);

    public static readonly Dictionary<string, PropertyAccessor> Properties = AccessorCache.Get(typeof(T));
}
