using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.RenderTree;

// The census reads render-tree internals on purpose (a diagnostic that says "unavailable" when they change).
#pragma warning disable BL0006

namespace Dashboard.LoadTest.Scenarios;

/// <summary>
/// What the open circuits are made of: their components by type and the render-tree frames each keeps (two buffers per
/// component). Read from the framework's internals by reflection (the circuit registry, the renderer's component table),
/// so it says "unavailable" instead of failing when those change. A diagnostic beside MEM's heap figures, which stay the
/// measurement: it names what to cut, the heap says what cutting it saved.
/// </summary>
internal static class CircuitCensus
{
    private const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;

    public static string Take(IServiceProvider services, int top = 25)
    {
        try
        {
            var registryType = typeof(Microsoft.AspNetCore.Components.Server.CircuitOptions).Assembly
                .GetType("Microsoft.AspNetCore.Components.Server.Circuits.CircuitRegistry", throwOnError: true)!;
            var registry = services.GetService(registryType);
            if (registry?.GetType().GetProperty("ConnectedCircuits", Any)?.GetValue(registry) is not IDictionary connected || connected.Count == 0)
            {
                return "census unavailable: no connected circuits found";
            }

            var componentTable = typeof(Renderer).GetField("_componentStateById", Any) ?? throw new MissingFieldException("Renderer._componentStateById");
            // Both buffers: the current tree is a property, the next one a property or (on .NET 10) a field; a heap dump
            // at 19:33 UTC showed the census had counted only one of them (236 of the 416 KB of frames per circuit).
            var trees = new[] { "CurrentRenderTree", "NextRenderTree" }.Select(Tree).ToList();
            var frameBytes = Unsafe.SizeOf<RenderTreeFrame>();
            var byType = new Dictionary<string, (int Count, long Bytes)>();
            foreach (DictionaryEntry circuit in connected)
            {
                var renderer = circuit.Value!.GetType().GetProperty("Renderer", Any)!.GetValue(circuit.Value)!;
                foreach (ComponentState state in ((IDictionary)componentTable.GetValue(renderer)!).Values)
                {
                    var bytes = trees.Sum(t => t(state) is RenderTreeBuilder b ? (long)b.GetFrames().Array.Length * frameBytes : 0);
                    var name = Name(state.Component.GetType());
                    var (count, sum) = byType.GetValueOrDefault(name);
                    byType[name] = (count + 1, sum + bytes);
                }
            }

            var n = connected.Count;
            var lines = new List<string>
            {
                FormattableString.Invariant($"Circuit census ({n} circuits; per circuit): {byType.Values.Sum(v => v.Count) / (double)n:0} components, render-tree frames {byType.Values.Sum(v => v.Bytes) / 1024.0 / n:0} KB ({frameBytes} B a frame, both buffers)"),
                "| component | per circuit | frames KB per circuit |",
                "|---|---:|---:|",
            };
            lines.AddRange(byType.OrderByDescending(kv => kv.Value.Bytes).ThenByDescending(kv => kv.Value.Count).Take(top)
                .Select(kv => FormattableString.Invariant($"| {kv.Key} | {kv.Value.Count / (double)n:0.#} | {kv.Value.Bytes / 1024.0 / n:0.0} |")));
            return string.Join(Environment.NewLine, lines);
        }
        catch (Exception ex) when (ex is TypeLoadException or MissingMemberException or NullReferenceException or InvalidCastException or TargetException)
        {
            return "census unavailable (the framework's internals changed): " + ex.Message;
        }
    }

    /// <summary>Reads a render tree of a component by its property's name, or the backing field's when there is no such property.</summary>
    private static Func<ComponentState, object?> Tree(string name)
    {
        if (typeof(ComponentState).GetProperty(name, Any) is { } property)
        {
            return property.GetValue;
        }

        var field = typeof(ComponentState).GetFields(Any).FirstOrDefault(f => f.FieldType == typeof(RenderTreeBuilder) && f.Name.Contains(name[..^"RenderTree".Length], StringComparison.OrdinalIgnoreCase))
            ?? throw new MissingFieldException("ComponentState." + name);
        return field.GetValue;
    }

    private static string Name(Type type) => type.IsGenericType
        ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(",", type.GetGenericArguments().Select(Name)) + ">"
        : type.Name;
}
