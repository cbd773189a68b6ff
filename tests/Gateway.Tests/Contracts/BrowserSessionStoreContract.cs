using ScimGateway.Gateway.Authentication.Sessions;

namespace ScimGateway.Gateway.Tests.Contracts;

/// <summary>
/// What every <see cref="IBrowserSessionStore"/> must do, whatever its engine. A subclass supplies a fresh, empty store
/// on real storage; the same facts then hold for LiteDB today and for a second engine later.
/// </summary>
public abstract class BrowserSessionStoreContract
{
    private static readonly DateTime s_start = new(2026, 3, 1, 9, 30, 15, 123, DateTimeKind.Utc);

    /// <summary>A fresh, empty store.</summary>
    protected abstract IBrowserSessionStore CreateStore();

    [ContractFact]
    public void FindById_OfAnUnknownId_IsNull()
    {
        var store = CreateStore();

        Assert.Null(store.FindById("no-such-session"));
    }

    [ContractFact]
    public void Insert_ThenFind_RoundTripsEveryField_TimesInUtc()
    {
        var store = CreateStore();
        var written = Session("s-1", tokenId: "tok-1");

        store.Insert(written);
        var read = store.FindById("s-1");

        Assert.NotNull(read);
        Assert.Equal(written.Id, read.Id);
        Assert.Equal(written.OwnerId, read.OwnerId);
        Assert.Equal(written.Method, read.Method);
        Assert.Equal(written.TokenId, read.TokenId);
        Assert.Equal(written.CreatedAt, read.CreatedAt.ToUniversalTime());
        Assert.Equal(written.ExpiresAt, read.ExpiresAt.ToUniversalTime());
        Assert.Equal(DateTimeKind.Utc, read.ExpiresAt.Kind);
        Assert.Null(read.EndedAt);
        Assert.Null(read.EndReason);
    }

    [ContractFact]
    public void Insert_WithoutAToken_ReadsBackWithoutOne()
    {
        var store = CreateStore();

        store.Insert(Session("s-oidc", tokenId: null, method: "oidc"));

        Assert.Null(store.FindById("s-oidc")!.TokenId);
        Assert.Equal("oidc", store.FindById("s-oidc")!.Method);
    }

    [ContractFact]
    public void End_OfAnOpenSession_RecordsWhenAndWhy_AndOnlyOnce()
    {
        var store = CreateStore();
        store.Insert(Session("s-2"));
        var endedAt = s_start.AddMinutes(5);

        Assert.True(store.End("s-2", SessionEndReasons.SignedOut, endedAt));
        Assert.False(store.End("s-2", SessionEndReasons.Expired, endedAt.AddMinutes(1)));

        var read = store.FindById("s-2")!;
        Assert.Equal(endedAt, read.EndedAt!.Value.ToUniversalTime());
        Assert.Equal(SessionEndReasons.SignedOut, read.EndReason);
    }

    [ContractFact]
    public void End_OfAnUnknownSession_IsFalse_AndCreatesNothing()
    {
        var store = CreateStore();

        Assert.False(store.End("ghost", SessionEndReasons.SignedOut, s_start));
        Assert.Null(store.FindById("ghost"));
    }

    [ContractFact]
    public void DeleteExpired_RemovesOnlySessionsPastTheirAbsoluteEnd_AndCountsThem()
    {
        var store = CreateStore();
        store.Insert(Session("old-1", expiresAt: s_start.AddHours(-2)));
        store.Insert(Session("old-2", expiresAt: s_start.AddMinutes(-1)));
        store.Insert(Session("at-cutoff", expiresAt: s_start));
        store.Insert(Session("current", expiresAt: s_start.AddHours(8)));

        var deleted = store.DeleteExpired(s_start);

        Assert.Equal(2, deleted);
        Assert.Null(store.FindById("old-1"));
        Assert.Null(store.FindById("old-2"));
        Assert.NotNull(store.FindById("at-cutoff"));
        Assert.NotNull(store.FindById("current"));
        Assert.Equal(0, store.DeleteExpired(s_start));
    }

    [ContractFact]
    public void DeleteExpired_AlsoRemovesEndedSessionsPastTheirEnd()
    {
        var store = CreateStore();
        store.Insert(Session("ended", expiresAt: s_start.AddHours(-1)));
        store.End("ended", SessionEndReasons.SignedOut, s_start.AddHours(-3));

        Assert.Equal(1, store.DeleteExpired(s_start));
        Assert.Null(store.FindById("ended"));
    }

    private static BrowserSessionRecord Session(string id, string? tokenId = "tok", string method = "token", DateTime? expiresAt = null) => new()
    {
        Id = id,
        OwnerId = "person-" + id,
        Method = method,
        TokenId = tokenId,
        CreatedAt = s_start,
        ExpiresAt = expiresAt ?? s_start.AddHours(8),
    };
}
