using System.Reflection;
using Bunit;
using Microsoft.AspNetCore.Components.RenderTree;

// Reads the renderer's current tree of one component: a test of how many frames a component keeps.
#pragma warning disable BL0006

namespace Dashboard.Web.Tests.Components;

/// <summary>How many render-tree frames a rendered component's current tree holds (its buffers grow from 32 by doubling).</summary>
public static class RenderTreeFrames
{
    private static readonly MethodInfo Current = typeof(Renderer).GetMethod("GetCurrentRenderTreeFrames", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, [typeof(int)])
        ?? throw new MissingMethodException(nameof(Renderer), "GetCurrentRenderTreeFrames");

    public static int Of(BunitContext context, int componentId) =>
        ((ArrayRange<RenderTreeFrame>)Current.Invoke(context.Renderer, [componentId])!).Count;
}
