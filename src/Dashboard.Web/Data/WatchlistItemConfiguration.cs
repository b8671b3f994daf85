using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Web.Data;

internal sealed class WatchlistItemConfiguration : IEntityTypeConfiguration<WatchlistItem>
{
    public const int CodeLength = 6;
    public const int NoteLength = 200;

    public void Configure(EntityTypeBuilder<WatchlistItem> item)
    {
        item.HasKey(i => i.Id);

        // A stock appears once per list, even when two members add it at the same moment.
        item.HasIndex(i => new { i.WatchlistId, i.Code }).IsUnique();
        item.Property(i => i.Code).HasMaxLength(CodeLength);
        item.Property(i => i.Note).HasMaxLength(NoteLength);
        item.Property(i => i.AddedByName).HasMaxLength(256);
        item.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.AddedById).OnDelete(DeleteBehavior.SetNull);
    }
}
