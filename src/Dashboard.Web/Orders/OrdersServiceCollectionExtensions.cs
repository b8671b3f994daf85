using Dashboard.Web.Data;
using Dashboard.Web.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Orders;

/// <summary>Composition of the order service, its audit, limits and reconciliation: <c>builder.AddOrders()</c>.</summary>
public static class OrdersServiceCollectionExtensions
{
    public static WebApplicationBuilder AddOrders(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OrdersOptions>().BindConfiguration(OrdersOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<OrderMetrics>();
        services.AddSingleton<TradingLimitsCache>();
        services.AddSingleton<OrderAuditLog>();
        services.AddSingleton<OrderEvents>();
        services.AddSingleton<OrderIntentStore>();
        services.AddSingleton<OpenOrderReconciler>();
        services.AddSingleton<OrderTracker>();
        services.AddSingleton<OrderReconciler>();
        services.TryAddSingleton<IPriceReferenceSource, BrokerPriceReferenceSource>();
        services.AddSingleton<IOrderService, OrderService>();
        services.AddSingleton<TradingLimitsService>();
        services.AddSingleton<AuditQueryService>();
        // Stops the push loops as the host begins to stop (see OrderTrackingShutdown).
        services.AddHostedService<OrderTrackingShutdown>();
        services.AddHostedService<OrderReconciliationService>();
        services.AddAuthorizationBuilder()
            .AddPolicy(OrderPolicies.ReadAudit, p => p.RequireRole(DashboardRoles.Admin, DashboardRoles.Auditor).AddRequirements(new TwoFactorEnabledRequirement()));
        return builder;
    }
}
