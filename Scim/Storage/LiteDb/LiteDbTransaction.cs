using System.Runtime.CompilerServices;
using LiteDB;

namespace ScimGateway.Scim.Storage.LiteDb;

/// <summary>Runs a store operation in one LiteDB transaction, one SCIM write at a time per database.</summary>
internal static class LiteDbTransaction
{
    private static readonly ConditionalWeakTable<ILiteDatabase, Lock> Writers = [];

    /// <summary>
    /// Runs <paramref name="work"/> and commits, or rolls back and rethrows. LiteDB transactions belong to the calling
    /// thread; one already open on it is joined, not committed here. The SCIM stores' writes on one database take
    /// turns: a user's deletion locks users, memberships, groups and the outbox, a group's deletion groups before
    /// memberships; two such transactions at once would wait on each other's collection locks until LiteDB's timeout.
    /// </summary>
    public static T Run<T>(ILiteDatabase database, Func<T> work)
    {
        lock (Writers.GetValue(database, _ => new Lock()))
        {
            return InTransaction(database, work);
        }
    }

    private static T InTransaction<T>(ILiteDatabase database, Func<T> work)
    {
        var own = database.BeginTrans();
        try
        {
            var result = work();
            if (own)
            {
                database.Commit();
            }

            return result;
        }
        catch
        {
            if (own)
            {
                database.Rollback();
            }

            throw;
        }
    }
}
