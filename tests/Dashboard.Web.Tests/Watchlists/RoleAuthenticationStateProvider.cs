using System.Security.Claims;
using Dashboard.Web.Tests.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Web.Tests.Watchlists;

/// <summary>The test context's signed-in member with a role the test picks before rendering.</summary>
public sealed class RoleAuthenticationStateProvider : AuthenticationStateProvider
{
    public string? Role { get; set; }

    public override Task<AuthenticationState> GetAuthenticationStateAsync()
    {
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, DashboardTestContext.MemberId), new(ClaimTypes.Name, "member@team.test")];
        if (Role is not null)
        {
            claims.Add(new Claim(ClaimTypes.Role, Role));
        }

        return Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(claims, "test"))));
    }
}
