using System.Text.Json.Nodes;

namespace ScimGateway.Scim.Tests;

/// <summary>Sample resources in canonical form.</summary>
internal static class Samples
{
    public static JsonObject User() => JsonNode.Parse("""
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
          "id": "2819c223-7f76-453a-919d-413861904646",
          "externalId": "Ext-42",
          "userName": "bjensen@example.com",
          "name": { "givenName": "Barbara", "familyName": "Jensen" },
          "displayName": "Babs Jensen",
          "active": true,
          "emails": [
            { "value": "bjensen@example.com", "type": "work", "primary": true },
            { "value": "babs@jensen.org", "type": "home" }
          ],
          "meta": {
            "resourceType": "User",
            "created": "2026-01-23T04:56:22Z",
            "lastModified": "2026-05-13T04:42:34Z",
            "version": "W/\"a330bc54f0671c9\""
          },
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
            "employeeNumber": "701984",
            "manager": { "value": "26118915-6090-4610-87e4-49d8ca9f808d", "displayName": "John Smith" }
          }
        }
        """)!.AsObject();

    public static JsonObject Group() => JsonNode.Parse("""
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
          "id": "e9e30dba-f08f-4109-8486-d5c6a331660a",
          "displayName": "Tour Guides",
          "meta": { "resourceType": "Group", "created": "2026-01-23T04:56:22Z", "lastModified": "2026-01-23T04:56:22Z" }
        }
        """)!.AsObject();
}
