using System.Text.Json.Nodes;

namespace ScimGateway.Scim.Users;

/// <summary>Creates users outside SCIM provisioning: the first admin, added from the command line.</summary>
public sealed class LocalUsers(IScimUserStore store, TimeProvider time)
{
    /// <summary>Adds a user with the given role; throws <see cref="DuplicateUserNameException"/> when the name is taken.</summary>
    public ScimUserRecord Add(string userName, string role)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        var now = Storage.ScimTimestamps.Now(time);
        var resource = new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User"),
            ["userName"] = userName,
            ["displayName"] = userName,
            ["active"] = true,
            ["roles"] = new JsonArray(new JsonObject { ["value"] = role, ["primary"] = true }),
        };
        var email = userName.Contains('@', StringComparison.Ordinal) ? userName : null;
        if (email is not null)
        {
            resource["emails"] = new JsonArray(new JsonObject { ["value"] = email, ["type"] = "work", ["primary"] = true });
        }

        var user = ScimUserRecords.Create(Guid.CreateVersion7(time.GetUtcNow()).ToString(), resource, now, now, 1);
        user.Local = true;
        store.Insert(user);
        return user;
    }
}
