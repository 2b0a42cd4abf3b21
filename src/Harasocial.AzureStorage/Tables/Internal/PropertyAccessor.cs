namespace Harasocial.AzureStorage;

/// <summary>Compiled get/set of one mapped property; <see cref="Set"/> converts from the service's value first.</summary>
internal sealed class PropertyAccessor(Type type, Func<object, object?> getter, Action<object, object?> setter)
{
    public Type Type { get; } = type;

    public object? Get(object instance) => getter(instance);

    public void Set(object instance, object? value)
    {
        // A missing value leaves a non-nullable value type at its default.
        if (value is null && Type.IsValueType && Nullable.GetUnderlyingType(Type) is null)
        {
            return;
        }

        setter(instance, EdmConvert.To(value, Type));
    }
}
