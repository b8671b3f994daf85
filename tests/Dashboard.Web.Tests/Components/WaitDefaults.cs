using System.Runtime.CompilerServices;
using Bunit;

namespace Dashboard.Web.Tests.Components;

/// <summary>
/// bUnit's waits (WaitForAssertion, WaitForState, WaitForElement) give up after one second unless told otherwise.
/// Under the full suite beside a browser journey, a render that came from another thread (a feed, a timer, a
/// database read) missed that second in clean-clone runs. A wait that succeeds returns as soon as it does, so a
/// longer ceiling costs passing tests nothing; no test here expects a wait to fail.
/// </summary>
internal static class WaitDefaults
{
    [ModuleInitializer]
    internal static void Apply() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
}
