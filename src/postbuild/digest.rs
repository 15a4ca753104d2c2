//! The build's hashes, in the forms the web reads them: CSP sources
//! (`'sha256-…'`), Subresource Integrity (`sha384-…`), short content names
//! (16 hex digits) and standard base64 (`atob`). Native only: the post-build
//! tool, and `build.rs`, which includes this file for the pinned embed
//! loader's name and integrity.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use sha2::{Digest, Sha256, Sha384};

/// Standard base64 with `=` padding (RFC 4648 §4), as CSP hashes, SRI and
/// `atob` expect.
pub fn base64(data: &[u8]) -> String {
    STANDARD.encode(data)
}

/// A CSP source expression for inline content: `'sha256-<base64>'`.
pub fn csp_hash(content: &str) -> String {
    format!("'sha256-{}'", base64(&Sha256::digest(content.as_bytes())))
}

/// A Subresource Integrity value: `sha384-<base64>`.
pub fn integrity(bytes: &[u8]) -> String {
    format!("sha384-{}", base64(&Sha384::digest(bytes)))
}

/// A content hash as a file name carries it (`name-<this>.js`): the first
/// 8 bytes of the SHA-256, in lower-case hex, like Trunk's own.
pub fn short_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The fewest hex digits a content hash in a file name has here.
pub const MIN_HASH_DIGITS: usize = 12;

/// Trunk's (and `build.rs`'s) content hash: lowercase hex digits after the
/// last `-` of the name, before the extension (and before the `_bg` of
/// wasm-bindgen's module), e.g. `stackweigh-d96dd6fbb67765ff_bg.wasm`.
/// Trunk writes its 64-bit hash without leading zeros (`{:x}`), so one build
/// in 16 has 15 digits (`stackweigh-df23ec60c2a2eca.js`); fewer than
/// [`MIN_HASH_DIGITS`] (one build in 65,536) is taken for a plain name.
pub fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.split_once('.').map_or(name, |(stem, _)| stem);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(base, hash)| {
        !base.is_empty()
            && (MIN_HASH_DIGITS..=16).contains(&hash.len())
            && hash
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csp_hash_matches_the_value_browsers_compute() {
        // The example in CSP Level 3, §8.3: `alert('Hello, world.');`.
        assert_eq!(
            csp_hash("alert('Hello, world.');"),
            "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
        );
    }

    #[test]
    fn integrity_matches_the_sri_specification_example() {
        // SRI §3.2: `alert('Hello, world.');` under SHA-384.
        assert_eq!(
            integrity(b"alert('Hello, world.');"),
            "sha384-H8BRh8j48O9oYatfu5AZzq6A9RINhZO5H16dQZngK7T62em8MUt1FLm52t+eX6xO"
        );
    }

    #[test]
    fn short_hashes_are_sixteen_hex_digits_of_the_sha256() {
        // SHA-256("abc") = ba7816bf8f01cfea…
        assert_eq!(short_hash(b"abc"), "ba7816bf8f01cfea");
        assert_ne!(short_hash(b"abd"), short_hash(b"abc"));
    }

    #[test]
    fn base64_pads_as_atob_expects() {
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(&[0xfb, 0xff]), "+/8=");
    }
}
