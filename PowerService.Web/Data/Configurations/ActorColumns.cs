using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PowerService.Domain.Staff;

namespace PowerService.Web.Data.Configurations;

/// <summary>A person stored as two columns, {prefix}Id and {prefix}Name, as the complaint's first responder and owner are.</summary>
internal static class ActorColumns
{
    public static void Map(ComplexPropertyBuilder<Actor> actor, string prefix)
    {
        actor.Property(x => x.UserId).HasColumnName(prefix + "Id").HasMaxLength(64);
        actor.Property(x => x.DisplayName).HasColumnName(prefix + "Name").HasMaxLength(50);
    }
}
