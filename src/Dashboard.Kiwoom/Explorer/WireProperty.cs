using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Explorer;

/// <summary>
/// One field of a generated response or row record, by its wire name. The envelope
/// (<c>return_code</c>, <c>return_msg</c>) comes first, then the TR's fields in catalog order.
/// </summary>
public sealed record WireProperty(string Name, PropertyInfo Property, bool IsList)
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<WireProperty>> Cache = new();

    public object? ValueOf(object record) => Property.GetValue(record);

    /// <summary>The fields of <paramref name="type"/>, without extension data.</summary>
    public static IReadOnlyList<WireProperty> Of(Type type) => Cache.GetOrAdd(type, Build);

    /// <summary>Fields the catalog does not list, as received (kept by the records, never dropped).</summary>
    public static Dictionary<string, JsonElement>? ExtraOf(object record) => record switch
    {
        KiwoomResponse response => response.Extra,
        KiwoomRow row => row.Extra,
        _ => null,
    };

    private static IReadOnlyList<WireProperty> Build(Type type)
    {
        var result = new List<WireProperty>();
        if (typeof(KiwoomResponse).IsAssignableFrom(type))
        {
            result.AddRange(Declared(typeof(KiwoomResponse)));
        }

        for (var t = type; t is not null && t != typeof(KiwoomResponse) && t != typeof(KiwoomRow) && t != typeof(object); t = t.BaseType)
        {
            result.AddRange(Declared(t));
        }

        return result;
    }

    private static IEnumerable<WireProperty> Declared(Type type)
    {
        // Reflection returns declared properties in source order, which the generator keeps in catalog order.
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (property.GetCustomAttribute<JsonExtensionDataAttribute>() is not null
                || property.GetCustomAttribute<JsonIgnoreAttribute>() is not null
                || property.GetCustomAttribute<JsonPropertyNameAttribute>() is not { } name)
            {
                continue;
            }

            var isList = property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(WireList<>);
            yield return new WireProperty(name.Name, property, isList);
        }
    }
}
