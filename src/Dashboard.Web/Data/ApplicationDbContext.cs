using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Dashboard.Web.Data;

public class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<BrokerConnection> BrokerConnections => Set<BrokerConnection>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<UsedTotpStep> UsedTotpSteps => Set<UsedTotpStep>();

    public DbSet<OrderAuditEntry> OrderAudit => Set<OrderAuditEntry>();

    public DbSet<OrderIntent> OrderIntents => Set<OrderIntent>();

    public DbSet<MemberTradingLimit> MemberTradingLimits => Set<MemberTradingLimit>();

    public DbSet<TeamTradingHalt> TeamTradingHalts => Set<TeamTradingHalt>();

    public DbSet<Watchlist> Watchlists => Set<Watchlist>();

    public DbSet<WatchlistItem> WatchlistItems => Set<WatchlistItem>();

    public DbSet<Watchlists.WatchlistMemberView> WatchlistMemberViews => Set<Watchlists.WatchlistMemberView>();

    public DbSet<Alerts.PriceAlert> PriceAlerts => Set<Alerts.PriceAlert>();

    public DbSet<Alerts.AlertFiring> AlertFirings => Set<Alerts.AlertFiring>();

    public DbSet<Alerts.AlertPreference> AlertPreferences => Set<Alerts.AlertPreference>();

    /// <summary>The Identity schema version this context's model is built for (from the services it was created with).</summary>
    internal Version IdentitySchema => SchemaVersion;

    /// <summary>
    /// Every context gets the schema-aware model cache key, however it was created (a tool, a test). The application's
    /// pooled factory puts it in its options already (<see cref="UseIdentitySchemaModelCache"/>): pooling refuses a
    /// change of the options here.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        var replaced = optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.ReplacedServices;
        if (replaced?.ContainsKey((typeof(IModelCacheKeyFactory), null)) != true)
        {
            UseIdentitySchemaModelCache(optionsBuilder);
        }
    }

    internal static DbContextOptionsBuilder UseIdentitySchemaModelCache(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.ReplaceService<IModelCacheKeyFactory, IdentitySchemaModelCacheKeyFactory>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<ApplicationUser>(user =>
        {
            user.Property(u => u.Culture).HasMaxLength(8);
        });

        builder.Entity<BrokerConnection>(connection =>
        {
            connection.HasKey(c => c.Id);
            connection.HasIndex(c => c.OwnerId);
            connection.Property(c => c.Label).HasMaxLength(60);
            connection.Property(c => c.Environment).HasConversion<string>().HasMaxLength(16);
            connection.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
            connection.Property(c => c.AppKeyHint).HasMaxLength(16);
            connection.Property(c => c.AccountMasked).HasMaxLength(32);
            connection.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Invitation>(invitation =>
        {
            invitation.HasKey(i => i.Id);
            invitation.HasIndex(i => i.TokenHash).IsUnique();
            invitation.Property(i => i.TokenHash).HasMaxLength(64);
            invitation.Property(i => i.Role).HasMaxLength(16);
        });

        builder.Entity<UsedTotpStep>(step =>
        {
            step.HasKey(s => s.UserId);
            step.HasOne<ApplicationUser>().WithOne().HasForeignKey<UsedTotpStep>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.ApplyConfiguration(new OrderAuditEntryConfiguration());
        builder.ApplyConfiguration(new OrderIntentConfiguration());
        builder.ApplyConfiguration(new MemberTradingLimitConfiguration());
        builder.ApplyConfiguration(new TeamTradingHaltConfiguration());
        builder.ApplyConfiguration(new WatchlistConfiguration()).ApplyConfiguration(new WatchlistItemConfiguration());
        builder.ApplyConfiguration(new Watchlists.WatchlistMemberViewConfiguration());
        builder.ApplyConfiguration(new Alerts.PriceAlertConfiguration()).ApplyConfiguration(new Alerts.AlertFiringConfiguration())
            .ApplyConfiguration(new Alerts.AlertPreferenceConfiguration());

        // SQLite cannot order or compare DateTimeOffset columns; store them as UTC ticks.
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
            {
                property.SetValueConverter(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
            }
        }
    }
}
