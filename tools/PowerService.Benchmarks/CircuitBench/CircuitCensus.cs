using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace PowerService.Benchmarks.CircuitBench;

/// <summary>
/// What one live circuit's renderer holds, for want of a heap-dump tool on this machine: its
/// components by type, and the render-tree frames each keeps (the frame arrays' capacity ×
/// <see cref="RenderTreeFrame"/>'s size). Read by reflection over the framework's private fields,
/// so a diagnostic only: it prints nothing rather than fail when those fields move.
/// </summary>
internal static class CircuitCensus
{
    private const BindingFlags Any = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    public static void Print(Circuit circuit)
    {
        try
        {
            var host = Field(circuit, "CircuitHost");
            var renderer = host?.GetType().GetProperty("Renderer", Any)?.GetValue(host);
            var states = renderer is null ? null : Field(renderer, "Dictionary`2", "_componentStateById") as IDictionary;
            if (states is null) { Console.WriteLine("census: renderer not found"); return; }
            var frameSize = Unsafe.SizeOf<RenderTreeFrame>();
            var rows = new Dictionary<string, (int Count, long Frames, long Capacity)>();
            foreach (var state in states.Values)
            {
                var component = state!.GetType().GetProperty("Component", Any)!.GetValue(state)!;
                var tree = state.GetType().GetProperty("CurrentRenderTree", Any)?.GetValue(state);
                var entries = tree is null ? null : Field(tree, "RenderTreeArrayBuilder", "_entries") ?? Field(tree, "ArrayBuilder`1", "_entries");
                var items = entries is null ? null : Field(entries, "RenderTreeFrame[]", "_items") as Array;
                var count = entries?.GetType().GetProperty("Count", Any)?.GetValue(entries) as int? ?? 0;
                var name = Name(component.GetType());
                var row = rows.GetValueOrDefault(name);
                rows[name] = (row.Count + 1, row.Frames + count, row.Capacity + (items?.Length ?? 0));
            }
            Console.WriteLine($"census of one circuit: {states.Count} components; frame size {frameSize} B; " +
                              $"frames in use {rows.Values.Sum(r => r.Frames):N0}, frame arrays {rows.Values.Sum(r => r.Capacity) * frameSize / 1024:N0} KB");
            Console.WriteLine("components | type | frames in use | frame arrays");
            foreach (var (name, row) in rows.OrderByDescending(r => r.Value.Capacity))
                Console.WriteLine($"{row.Count,10} | {name} | {row.Frames:N0} | {row.Capacity * frameSize / 1024.0:N1} KB");
        }
        catch (Exception e)
        {
            Console.WriteLine($"census failed: {e.GetType().Name}: {e.Message}");
        }
    }

    private static string Name(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(",", type.GetGenericArguments().Select(Name))}>"
        : type.Name;

    /// <summary>The first instance field whose type's name, or own name, is one of <paramref name="names"/>.</summary>
    private static object? Field(object target, params string[] names)
    {
        for (var type = target.GetType(); type is not null; type = type.BaseType)
            foreach (var field in type.GetFields(Any | BindingFlags.DeclaredOnly))
                if (names.Contains(field.FieldType.Name) || names.Contains(field.Name)) return field.GetValue(target);
        return null;
    }
}
