using ScimGateway.Scim.Provisioning;

namespace ScimGateway.Scim.Tests.Contracts;

/// <summary>
/// What every <see cref="IProvisioningOutbox"/> must do: hand out what the stores recorded, oldest first, until each
/// is completed. A storage engine passes it by deriving a class that opens its stores.
/// </summary>
public abstract class ProvisioningOutboxContract : ScimStoreContract
{
    [ContractFact]
    public void Empty_NothingPending()
    {
        Assert.Empty(Stores.Outbox.Pending(10));
        Assert.False(Stores.Outbox.Complete(42));
    }

    [ContractFact]
    public void Pending_InRecordedOrder_AtMostMax_UntilCompleted()
    {
        var users = InsertUsers(1, 2);
        users[0].Active = false;
        Stores.Users.Update(users[0]);
        Stores.Users.Delete(users[1].Id, Now);
        users[0].Active = true;
        Stores.Users.Update(users[0]);

        var first = Stores.Outbox.Pending(2);
        Assert.Equal(
            [new ProvisioningEvent(ProvisioningEventKind.Deactivated, users[0].Id), new ProvisioningEvent(ProvisioningEventKind.Deleted, users[1].Id)],
            first.Select(p => p.Event));
        Assert.True(first[0].Sequence < first[1].Sequence);

        Assert.True(Stores.Outbox.Complete(first[0].Sequence));
        Assert.False(Stores.Outbox.Complete(first[0].Sequence));
        Assert.Equal(
            [ProvisioningEventKind.Deleted, ProvisioningEventKind.Reactivated],
            Stores.Outbox.Pending(10).Select(p => p.Event.Kind));
        Assert.Empty(Stores.Outbox.Pending(0));
    }

    [ContractFact]
    public void Events_OfSeveralWrites_KeepTheirOrder()
    {
        var alice = InsertUsers(1)[0];
        Stores.Groups.Insert(Group(1), [Member(alice)], ProvisioningEvent.Changed([alice.Id, alice.Id]));
        Stores.Groups.Delete(Group(1).Id, [new(ProvisioningEventKind.Reactivated, alice.Id)]);
        Stores.Users.Delete(alice.Id, Now);

        Assert.Equal(
            [ProvisioningEventKind.Changed, ProvisioningEventKind.Reactivated, ProvisioningEventKind.Deleted],
            PendingEvents().Select(e => e.Kind));
        DrainOutbox();
        Assert.Empty(Stores.Outbox.Pending(10));
    }
}
