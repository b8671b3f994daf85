using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Web.Data;

internal sealed class TeamTradingHaltConfiguration : IEntityTypeConfiguration<TeamTradingHalt>
{
    public void Configure(EntityTypeBuilder<TeamTradingHalt> halt)
    {
        halt.HasKey(h => h.Id);
        halt.Property(h => h.Id).ValueGeneratedNever();
        halt.Property(h => h.Reason).HasMaxLength(200);
        halt.Property(h => h.UpdatedBy).HasMaxLength(64);
    }
}
