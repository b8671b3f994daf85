using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Web.Data;

internal sealed class OrderAuditEntryConfiguration : IEntityTypeConfiguration<OrderAuditEntry>
{
    public const string Table = "OrderAudit";

    public void Configure(EntityTypeBuilder<OrderAuditEntry> audit)
    {
        audit.ToTable(Table);
        audit.HasKey(a => a.Sequence);
        // The writer assigns sequences itself so a gap or a fork is visible to VerifyAsync.
        audit.Property(a => a.Sequence).ValueGeneratedNever();
        audit.Property(a => a.MemberId).HasMaxLength(64);
        audit.Property(a => a.ActorId).HasMaxLength(64);
        audit.Property(a => a.Kind).HasConversion<string>().HasMaxLength(24);
        audit.Property(a => a.Side).HasConversion<string>().HasMaxLength(8);
        audit.Property(a => a.StockCode).HasMaxLength(12);
        audit.Property(a => a.TradeType).HasMaxLength(4);
        audit.Property(a => a.OrderNumber).HasMaxLength(16);
        audit.Property(a => a.Details).HasMaxLength(1000);
        audit.Property(a => a.PreviousHash).HasMaxLength(64);
        audit.Property(a => a.Hash).HasMaxLength(64);
        audit.HasIndex(a => new { a.MemberId, a.At });
        audit.HasIndex(a => a.At);
        audit.HasIndex(a => a.IntentId);
    }
}
