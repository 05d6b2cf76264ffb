using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Sync;

namespace Portal.Api.Data.Configurations;

internal sealed class ChangeRecordConfiguration : IEntityTypeConfiguration<ChangeRecord>
{
    public void Configure(EntityTypeBuilder<ChangeRecord> builder)
    {
        builder.ToTable("Changes");
        builder.HasKey(c => c.Seq);
        builder.Property(c => c.Seq).ValueGeneratedOnAdd();
        builder.Property(c => c.EntityType).HasMaxLength(16);
        builder.Property(c => c.EntityId).HasMaxLength(40);
        builder.Property(c => c.Action).HasConversion<string>().HasMaxLength(8);
        builder.Property(c => c.Reason).HasMaxLength(16);
        builder.HasIndex(c => new { c.EntityType, c.EntityId, c.Seq });
    }
}

internal sealed class PendingPublicationConfiguration : IEntityTypeConfiguration<PendingPublication>
{
    public void Configure(EntityTypeBuilder<PendingPublication> builder)
    {
        builder.HasKey(p => new { p.EntityType, p.EntityId });
        builder.Property(p => p.EntityType).HasMaxLength(16);
        builder.Property(p => p.EntityId).HasMaxLength(40);
        builder.HasIndex(p => p.DueAt);
    }
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Url).HasMaxLength(2000);
        builder.Property(s => s.Events).HasMaxLength(1000);
        builder.Property(s => s.Secret).HasMaxLength(200);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Event).HasMaxLength(40);
        builder.Property(d => d.LastError).HasMaxLength(1000);
        builder.HasIndex(d => d.NextAttemptAt);
        builder.HasIndex(d => new { d.SubscriptionId, d.CreatedAt });
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
