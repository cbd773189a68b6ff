namespace ScimGateway.Scim.Schemas;

/// <summary>The URNs of RFC 7643 section 8.7 and RFC 7644 section 3.1 this server uses.</summary>
public static class ScimUrns
{
    /// <summary>Core User schema.</summary>
    public const string User = "urn:ietf:params:scim:schemas:core:2.0:User";

    /// <summary>Core Group schema.</summary>
    public const string Group = "urn:ietf:params:scim:schemas:core:2.0:Group";

    /// <summary>Enterprise User extension (RFC 7643 section 4.3).</summary>
    public const string EnterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /// <summary>Schema of the <c>/Schemas</c> documents.</summary>
    public const string Schema = "urn:ietf:params:scim:schemas:core:2.0:Schema";

    /// <summary>Schema of the <c>/ResourceTypes</c> documents.</summary>
    public const string ResourceType = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";

    /// <summary>Schema of the <c>/ServiceProviderConfig</c> document.</summary>
    public const string ServiceProviderConfig = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

    /// <summary>List responses.</summary>
    public const string ListResponse = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    /// <summary>PATCH request bodies.</summary>
    public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    /// <summary><c>/.search</c> request bodies.</summary>
    public const string SearchRequest = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

    /// <summary>Bulk request bodies.</summary>
    public const string BulkRequest = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";

    /// <summary>Bulk response bodies.</summary>
    public const string BulkResponse = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";

    /// <summary>Error bodies.</summary>
    public const string Error = "urn:ietf:params:scim:api:messages:2.0:Error";
}
