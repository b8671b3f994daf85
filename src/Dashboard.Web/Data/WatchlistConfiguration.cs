using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Web.Data;

internal sealed class WatchlistConfiguration : IEntityTypeConfiguration<Watchlist>
{
    public const int NameLength = 60;

    public void Configure(EntityTypeBuilder<Watchlist> list)
    {
        list.HasKey(l => l.Id);
        list.HasIndex(l => l.OwnerId);
        list.Property(l => l.Name).HasMaxLength(NameLength);
        list.Property(l => l.Version).IsConcurrencyToken();
        list.HasOne<ApplicationUser>().WithMany().HasForeignKey(l => l.OwnerId).OnDelete(DeleteBehavior.Cascade);
        list.HasMany(l => l.Items).WithOne().HasForeignKey(i => i.WatchlistId).OnDelete(DeleteBehavior.Cascade);
    }
}
