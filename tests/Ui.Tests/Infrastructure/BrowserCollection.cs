namespace ScimGateway.Ui.Tests.Infrastructure;

/// <summary>One browser for all browser tests; they run one after another (2 cores, one Chromium).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
