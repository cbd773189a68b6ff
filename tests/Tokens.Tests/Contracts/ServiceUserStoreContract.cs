using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.ServiceUsers;

namespace ScimGateway.Tokens.Tests.Contracts;

/// <summary>What every <see cref="IServiceUserStore"/> must do: unique ids, name order, changes committed with their audit entries.</summary>
public abstract class ServiceUserStoreContract : StoreContract
{
    [ContractFact]
    public void TryInsert_ThenFindById_ReturnsEveryField_AndTheAuditEntryIsWritten()
    {
        Assert.True(Stores.ServiceUsers.TryInsert(User("ci_bot@service", "CI Bot"), Entry(AuditActions.ServiceUserCreated, "ci_bot@service")));

        var found = Stores.ServiceUsers.FindById("ci_bot@service")!;
        Assert.Equal(("CI Bot", Role.Manager, "admin"), (found.Name, found.Role, found.CreatedBy));
        Assert.Equal(["Public", "Data"], found.Teams);
        Assert.Equal((Now, Now, (DateTime?)null), (found.CreatedAt, found.UpdatedAt, found.DeactivatedAt));
        Assert.Single(Stores.Audit.Find(AuditActions.ServiceUserCreated, "ci_bot@service"));
    }

    [ContractFact]
    public void TryInsert_ExistingId_IsFalse_KeepsTheFirst_AndWritesNoEntry()
    {
        Assert.True(Stores.ServiceUsers.TryInsert(User("bot@service", "first"), Entry(AuditActions.ServiceUserCreated, "bot@service")));

        Assert.False(Stores.ServiceUsers.TryInsert(User("bot@service", "second"), Entry(AuditActions.ServiceUserCreated, "bot@service")));

        Assert.Equal("first", Stores.ServiceUsers.FindById("bot@service")!.Name);
        Assert.Single(Stores.Audit.Find(AuditActions.ServiceUserCreated, "bot@service"));
    }

    [ContractFact]
    public void TryInsert_InParallel_SameId_ExactlyOneLands()
    {
        var landed = AtOnce(8, i => Stores.ServiceUsers.TryInsert(User("bot@service", $"bot {i}"), Entry(AuditActions.ServiceUserCreated, "bot@service")));

        Assert.Single(landed, l => l);
        Assert.Single(Stores.ServiceUsers.List());
        Assert.Single(Stores.Audit.Find(AuditActions.ServiceUserCreated, "bot@service"));
    }

    [ContractFact]
    public void List_IsOrderedByNameCaseInsensitively()
    {
        foreach (var (id, name) in new[] { ("b@service", "beta"), ("a@service", "Alpha"), ("c@service", "charlie") })
        {
            Stores.ServiceUsers.TryInsert(User(id, name), Entry(AuditActions.ServiceUserCreated, id));
        }

        Assert.Equal(["Alpha", "beta", "charlie"], Stores.ServiceUsers.List().Select(u => u.Name));
    }

    [ContractFact]
    public void Update_ReplacesTheUser_WithItsAuditEntry()
    {
        Stores.ServiceUsers.TryInsert(User("bot@service", "bot"), Entry(AuditActions.ServiceUserCreated, "bot@service"));
        var user = Stores.ServiceUsers.FindById("bot@service")!;
        user.Role = Role.Admin;
        user.Teams = ["Public"];
        user.DeactivatedAt = Now.AddHours(1);
        user.UpdatedAt = Now.AddHours(1);

        Assert.True(Stores.ServiceUsers.Update(user, Entry(AuditActions.ServiceUserDeactivated, "bot@service")));

        var stored = Stores.ServiceUsers.FindById("bot@service")!;
        Assert.Equal((Role.Admin, Now.AddHours(1), Now.AddHours(1)), (stored.Role, stored.DeactivatedAt, stored.UpdatedAt));
        Assert.Equal(["Public"], stored.Teams);
        Assert.Single(Stores.Audit.Find(AuditActions.ServiceUserDeactivated, "bot@service"));
    }

    [ContractFact]
    public void NotFound_FindIsNull_UpdateIsFalse_ListIsEmpty_AndNoEntryIsWritten()
    {
        Assert.Null(Stores.ServiceUsers.FindById("missing@service"));
        Assert.Empty(Stores.ServiceUsers.List());

        Assert.False(Stores.ServiceUsers.Update(User("missing@service", "missing"), Entry(AuditActions.ServiceUserChanged, "missing@service")));

        Assert.Null(Stores.ServiceUsers.FindById("missing@service"));
        Assert.Empty(Stores.Audit.Find(AuditActions.ServiceUserChanged, "missing@service"));
    }

    private static ServiceUserRecord User(string id, string name) => new()
    {
        Id = id,
        Name = name,
        Role = Role.Manager,
        Teams = ["Public", "Data"],
        CreatedAt = Now,
        UpdatedAt = Now,
        CreatedBy = "admin",
    };
}
