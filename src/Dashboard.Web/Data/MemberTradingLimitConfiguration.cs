using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Web.Data;

internal sealed class MemberTradingLimitConfiguration : IEntityTypeConfiguration<MemberTradingLimit>
{
    public void Configure(EntityTypeBuilder<MemberTradingLimit> limit)
    {
        limit.HasKey(l => l.MemberId);
        limit.Property(l => l.MemberId).HasMaxLength(64);
        limit.Property(l => l.HaltReason).HasMaxLength(200);
        limit.Property(l => l.UpdatedBy).HasMaxLength(64);
        limit.HasOne<ApplicationUser>().WithOne().HasForeignKey<MemberTradingLimit>(l => l.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
