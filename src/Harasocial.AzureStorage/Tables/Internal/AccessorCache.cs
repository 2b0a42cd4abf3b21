using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Harasocial.AzureStorage;

/// <summary>
/// Compiles get/set delegates for the public read/write properties of an entity type once, so requests do no
/// reflection. System properties are handled through <see cref="ITableEntity"/> instead.
/// </summary>
internal static class AccessorCache
{
    private static readonly ConcurrentDictionary<Type, Dictionary<string, PropertyAccessor>> Cache = new();

    public static Dictionary<string, PropertyAccessor> Get(Type type) => Cache.GetOrAdd(type, Build);

    private static Dictionary<string, PropertyAccessor> Build(Type type)
    {
        var result = new Dictionary<string, PropertyAccessor>(StringComparer.Ordinal);
        if (typeof(IDictionary<string, object?>).IsAssignableFrom(type))
        {
            return result;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanRead || !property.CanWrite || property.GetIndexParameters().Length > 0
                || property.Name is TableConstants.PartitionKey or TableConstants.RowKey or TableConstants.Timestamp or "ETag"
                || !IsSupported(property.PropertyType))
            {
                continue;
            }

            var instance = Expression.Parameter(typeof(object), "instance");
            var value = Expression.Parameter(typeof(object), "value");
            var typed = Expression.Convert(instance, type);
            var getter = Expression.Lambda<Func<object, object?>>(
                Expression.Convert(Expression.Property(typed, property), typeof(object)), instance).Compile();
            var setter = Expression.Lambda<Action<object, object?>>(
                Expression.Assign(Expression.Property(typed, property), Expression.Convert(value, property.PropertyType)),
                instance, value).Compile();
            result[property.Name] = new PropertyAccessor(property.PropertyType, getter, setter);
        }

        return result;
    }

    private static bool IsSupported(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsEnum || type == typeof(string) || type == typeof(int) || type == typeof(long) || type == typeof(double)
            || type == typeof(bool) || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Guid)
            || type == typeof(byte[]) || type == typeof(BinaryData);
    }
}
