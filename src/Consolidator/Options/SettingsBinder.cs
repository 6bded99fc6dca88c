using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Consolidator.Options;

/// <summary>
/// Binds a settings section key by key, so that one value that does not bind hides none of the
/// others: every value that cannot be read and every key the section does not know is named
/// (Worker:StableFr, Paths:Inbx), each with its full setting name. Nested objects (Consolidation:Limits)
/// are bound the same way; lists and dictionaries are bound whole.
/// </summary>
public static class SettingsBinder
{
    public static T Bind<T>(IConfiguration config, string section, List<string> errors, bool unknownKeys = true) where T : new()
    {
        var value = new T();
        Into(value, config.GetSection(section), section, errors, unknownKeys);
        return value;
    }

    private static void Into(object target, IConfigurationSection section, string path, List<string> errors, bool unknownKeys)
    {
        var properties = target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            var name = $"{path}:{child.Key}";
            if (!properties.TryGetValue(child.Key, out var property))
            {
                if (unknownKeys)
                    errors.Add($"{name}: 不明な設定です（{string.Join(", ", properties.Keys)}） / unknown setting (known: {string.Join(", ", properties.Keys)}).");
                continue;
            }
            if (IsObject(property.PropertyType) && child.Value is null && property.GetValue(target) is { } existing)
            {
                Into(existing, child, name, errors, unknownKeys);
                continue;
            }
            try
            {
                if (child.Get(property.PropertyType) is { } bound) property.SetValue(target, bound);
            }
            catch (InvalidOperationException)
            {
                var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                var shown = child.Value is null ? "" : $"'{child.Value}' ";
                errors.Add($"{name}: {shown}を {TypeJa(type)} として読めません / {shown}cannot be read as {TypeEn(type)}.");
            }
        }
    }

    private static bool IsObject(Type t) => t.IsClass && t != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(t);

    private static string TypeJa(Type t) => t == typeof(int) || t == typeof(long) ? "整数" : t == typeof(double) ? "数値" : t == typeof(bool) ? "true / false"
        : t == typeof(TimeSpan) ? "時間（例: 00:00:30）" : t.IsEnum ? string.Join(" / ", Enum.GetNames(t)) : t.Name;

    private static string TypeEn(Type t) => t == typeof(int) || t == typeof(long) ? "a whole number" : t == typeof(double) ? "a number" : t == typeof(bool) ? "true or false"
        : t == typeof(TimeSpan) ? "a time span (e.g. 00:00:30)" : t.IsEnum ? "one of " + string.Join(", ", Enum.GetNames(t)) : t.Name;
}
