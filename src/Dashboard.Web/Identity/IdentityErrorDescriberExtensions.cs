using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Identity;

public static class IdentityErrorDescriberExtensions
{
    /// <summary>
    /// Replaces Identity's English-only error texts with <see cref="LocalizedIdentityErrorDescriber"/>; one instance
    /// per scope serves both Identity (as <see cref="IdentityErrorDescriber"/>) and our own validators.
    /// </summary>
    public static IdentityBuilder AddLocalizedErrors(this IdentityBuilder builder)
    {
        builder.Services.AddScoped<LocalizedIdentityErrorDescriber>();
        builder.Services.AddScoped<IdentityErrorDescriber>(sp => sp.GetRequiredService<LocalizedIdentityErrorDescriber>());
        return builder;
    }
}
