using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Directives;

namespace Portal.Api.Data.Configurations;

internal sealed class DirectiveConfiguration : IEntityTypeConfiguration<Directive>
{
    public void Configure(EntityTypeBuilder<Directive> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Number).HasMaxLength(100);
        builder.Property(d => d.NumberCanonical).HasMaxLength(100);
        builder.Property(d => d.NumberKey).HasMaxLength(100);
        builder.HasIndex(d => d.NumberKey);
        // Decree 30/2020/NĐ-CP and Guidance 36-HD/VPTW: a number is used once per issuer and period (DirectiveUniqueness).
        builder.Property(d => d.UniquenessKey).HasMaxLength(450);
        builder.HasIndex(d => d.UniquenessKey).IsUnique();
        builder.Property(d => d.NumberSystem).HasMaxLength(24);
        builder.Property(d => d.TypeCode).HasMaxLength(10);
        builder.Property(d => d.TypeName).HasMaxLength(100);
        builder.Property(d => d.IssuerName).HasMaxLength(300);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => new { d.Status, d.DeletedAt, d.IssuedOn });
        builder.HasIndex(d => new { d.Status, d.DeletedAt, d.PublishedAt });
        builder.HasOne(d => d.Issuer).WithMany().HasForeignKey(d => d.IssuerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Relations).WithOne().HasForeignKey(r => r.FromId);
        builder.HasMany(d => d.Attachments).WithOne().HasForeignKey(a => a.DirectiveId);
    }
}

internal sealed class DirectiveAttachmentConfiguration : IEntityTypeConfiguration<DirectiveAttachment>
{
    public void Configure(EntityTypeBuilder<DirectiveAttachment> builder)
    {
        builder.HasKey(a => new { a.DirectiveId, a.MediaId });
        builder.HasOne(a => a.Media).WithMany().HasForeignKey(a => a.MediaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.MediaId);
    }
}

internal sealed class DirectiveRelationConfiguration : IEntityTypeConfiguration<DirectiveRelation>
{
    public void Configure(EntityTypeBuilder<DirectiveRelation> builder)
    {
        builder.HasKey(r => new { r.FromId, r.ToId, r.Kind });
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(r => r.To).WithMany().HasForeignKey(r => r.ToId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ToId);
    }
}

internal sealed class IssuingBodyConfiguration : IEntityTypeConfiguration<IssuingBody>
{
    public void Configure(EntityTypeBuilder<IssuingBody> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Name).HasMaxLength(300);
        builder.Property(b => b.Code).HasMaxLength(40);
        builder.Property(b => b.Level).HasMaxLength(16);
        builder.HasOne(b => b.Successor).WithMany().HasForeignKey(b => b.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(b => b.Version).IsConcurrencyToken();
    }
}
