using Dashboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Web.Alerts;

internal sealed class PriceAlertConfiguration : IEntityTypeConfiguration<PriceAlert>
{
    public void Configure(EntityTypeBuilder<PriceAlert> alert)
    {
        alert.HasKey(a => a.Id);
        alert.HasIndex(a => a.OwnerId);
        alert.Property(a => a.Code).HasMaxLength(AlertInput.CodeLength);
        alert.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        alert.Property(a => a.Threshold).HasPrecision(18, 2);
        alert.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertFiringConfiguration : IEntityTypeConfiguration<AlertFiring>
{
    public void Configure(EntityTypeBuilder<AlertFiring> firing)
    {
        firing.HasKey(f => f.Id);
        firing.HasIndex(f => new { f.OwnerId, f.FiredAt });
        firing.Property(f => f.Code).HasMaxLength(AlertInput.CodeLength);
        firing.Property(f => f.Kind).HasConversion<string>().HasMaxLength(16);
        firing.Property(f => f.Threshold).HasPrecision(18, 2);
        firing.Property(f => f.Value).HasPrecision(18, 2);
        firing.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertPreferenceConfiguration : IEntityTypeConfiguration<AlertPreference>
{
    public void Configure(EntityTypeBuilder<AlertPreference> preference)
    {
        preference.HasKey(p => p.OwnerId);
        preference.HasOne<ApplicationUser>().WithOne().HasForeignKey<AlertPreference>(p => p.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
