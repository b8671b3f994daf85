using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Dashboard.Web.Data;

/// <summary>
/// EF caches one model per context type for the whole process, but Identity shapes its part of the model from the
/// IdentityOptions of the services a context is created with (schema version 3 adds the passkey table). Without
/// the schema version in the key, whichever context is built first decides the model for every other one: a
/// context created without the application's Identity settings (a tool, a test) left a model without passkeys,
/// and the application then refused to migrate ("the model changes each time it is built"). Installed by
/// <see cref="ApplicationDbContext"/> itself, so every context it sees is one.
/// </summary>
internal sealed class IdentitySchemaModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), ((ApplicationDbContext)context).IdentitySchema, designTime);
}
