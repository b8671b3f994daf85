using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Web.Data;

internal sealed class OrderIntentConfiguration : IEntityTypeConfiguration<OrderIntent>
{
    public void Configure(EntityTypeBuilder<OrderIntent> intent)
    {
        // The primary key is the intent id: a second insert of the same id fails in the database (SEC-19).
        intent.HasKey(i => i.Id);
        intent.Property(i => i.Id).ValueGeneratedNever();
        intent.Property(i => i.MemberId).HasMaxLength(64);
        intent.Property(i => i.Environment).HasConversion<string>().HasMaxLength(16);
        intent.Property(i => i.Action).HasConversion<string>().HasMaxLength(8);
        intent.Property(i => i.Product).HasConversion<string>().HasMaxLength(8);
        intent.Property(i => i.Side).HasConversion<string>().HasMaxLength(8);
        intent.Property(i => i.State).HasConversion<string>().HasMaxLength(16);
        intent.Property(i => i.StockCode).HasMaxLength(12);
        intent.Property(i => i.TradeType).HasMaxLength(4);
        intent.Property(i => i.Exchange).HasMaxLength(4);
        intent.Property(i => i.OrderNumber).HasMaxLength(16);
        intent.Property(i => i.Message).HasMaxLength(500);
        intent.HasIndex(i => new { i.MemberId, i.CreatedAt });
        intent.HasIndex(i => i.State);
        intent.HasIndex(i => new { i.ConnectionId, i.OrderNumber });
        intent.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
