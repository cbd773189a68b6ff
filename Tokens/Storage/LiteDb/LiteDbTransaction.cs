using LiteDB;

namespace ScimGateway.Tokens.Storage.LiteDb;

/// <summary>Runs a store call's writes as one LiteDB transaction.</summary>
internal static class LiteDbTransaction
{
    /// <summary>
    /// Commits what <paramref name="work"/> wrote if it returns, rolls it all back if it throws. LiteDB 5 ties a
    /// transaction to the calling thread, so <paramref name="work"/> must stay synchronous; on a thread that already
    /// has one, <c>BeginTrans</c> returns false and the work joins it, to commit or roll back with it.
    /// </summary>
    public static T Run<T>(ILiteDatabase database, Func<T> work)
    {
        if (!database.BeginTrans())
        {
            return work();
        }

        try
        {
            var result = work();
            database.Commit();
            return result;
        }
        catch
        {
            database.Rollback();
            throw;
        }
    }
}
