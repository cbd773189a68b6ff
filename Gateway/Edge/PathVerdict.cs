namespace ScimGateway.Gateway.Edge;

/// <summary>What <see cref="CanonicalPath"/> found in a raw request path; anything but <see cref="Canonical"/> is refused.</summary>
internal enum PathVerdict
{
    /// <summary>Every segment is plain: the gateway and any upstream read the path the same way.</summary>
    Canonical,

    /// <summary>Two slashes in a row (<c>//</c>): many servers merge them, so <c>/api//x</c> means <c>/api/x</c> there.</summary>
    EmptySegment,

    /// <summary>A <c>.</c> or <c>..</c> segment, which an upstream may resolve after the gateway has decided.</summary>
    DotSegment,

    /// <summary>A <c>;</c>: servlet containers and others cut path parameters off a segment (<c>/x;y</c> means <c>/x</c>).</summary>
    Semicolon,

    /// <summary>A backslash, which some servers read as <c>/</c>.</summary>
    Backslash,

    /// <summary>An encoded <c>/ \ . % ;</c> (<c>%2F</c>, <c>%5C</c>, <c>%2E</c>, <c>%25</c>, <c>%3B</c>), which a second decoding turns into structure.</summary>
    EncodedDelimiter,

    /// <summary>A control character, raw or encoded (<c>%00</c>, <c>%0A</c>, <c>%7F</c>).</summary>
    ControlCharacter,

    /// <summary>A space, <c>#</c> or byte outside ASCII sent unencoded: never valid in a request target (RFC 3986 section 3.3).</summary>
    InvalidCharacter,

    /// <summary>A <c>%</c> not followed by two hex digits.</summary>
    BadPercentEncoding,

    /// <summary>Encoded bytes that are not UTF-8 in its shortest form (overlong <c>%C0%AE</c> reads as <c>.</c> to lax decoders).</summary>
    InvalidUtf8,
}
