using System.Globalization;
using System.Resources;
using Dashboard.Web.Data;
using Dashboard.Web.Localization;

namespace Dashboard.Web.Tests.Members;

/// <summary>Every role an admin can pick on the members page has a name in Korean and English (not its resource key).</summary>
public sealed class RoleNamesTests
{
    public static TheoryData<string> Roles() => [.. DashboardRoles.All];

    [Theory]
    [MemberData(nameof(Roles))]
    public void EveryRoleHasAKoreanAndAnEnglishName(string role)
    {
        var resources = new ResourceManager(typeof(SharedResource));

        var korean = resources.GetString("Role" + role, CultureInfo.GetCultureInfo("ko"));
        var english = resources.GetString("Role" + role, CultureInfo.GetCultureInfo("en"));

        Assert.False(string.IsNullOrWhiteSpace(korean), $"No Korean name for {role}.");
        Assert.False(string.IsNullOrWhiteSpace(english), $"No English name for {role}.");
        Assert.NotEqual(korean, english);
    }
}
