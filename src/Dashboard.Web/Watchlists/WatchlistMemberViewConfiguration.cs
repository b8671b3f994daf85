using Dashboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Web.Watchlists;

internal sealed class WatchlistMemberViewConfiguration : IEntityTypeConfiguration<WatchlistMemberView>
{
    public void Configure(EntityTypeBuilder<WatchlistMemberView> view)
    {
        view.HasKey(v => new { v.OwnerId, v.WatchlistId });
        view.Property(v => v.Columns).HasMaxLength(200);
        view.HasOne<ApplicationUser>().WithMany().HasForeignKey(v => v.OwnerId).OnDelete(DeleteBehavior.Cascade);
        view.HasOne<Watchlist>().WithMany().HasForeignKey(v => v.WatchlistId).OnDelete(DeleteBehavior.Cascade);
    }
}
