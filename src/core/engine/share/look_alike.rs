//! Characters that look like a Latin letter or digit: "Аna" with a Cyrillic
//! "А" is refused beside "Ana" (see `team_link::check_team`).
//!
//! The table is every character (beyond ASCII, and already folded as names
//! are: NFKC, then upper then lower case) whose prototype in `confusables.txt`,
//! the data of UTS #39 "Unicode Security Mechanisms" (as the `unicode-security`
//! crate 0.1.3 carries it; it states Unicode 18.0.0), folds to one ASCII
//! letter or digit. The test `the_table_is_unicode_s_confusables` rebuilds
//! it from that crate and prints it when they differ.
//!
//! Why not UTS #39's whole skeleton: its tables would add about 37 kB gzip
//! to the reports worker, and it also counts ASCII look-alikes ("rn" and
//! "m", "l" and "I"), which would refuse real pairs such as "Arni" and
//! "Ami". Spoofing a teammate takes another script's letters; this stops it.

/// `(ASCII letter or digit, the characters that look like it)`.
pub(super) const LOOK_ALIKES: &[(char, &str)] = &[
    ('2', "\u{14bf}\u{1616}\u{a6ef}"),
    ('3', "\u{969}\u{ae9}\u{1702}\u{118ca}\u{16f3b}\u{1d206}"),
    ('4', "\u{ab9e}\u{16e82}"),
    ('6', "\u{431}\u{2cd3}\u{a543}\u{abbe}\u{118d5}"),
    ('7', "\u{172a}\u{118c6}\u{16e8a}\u{1d1fe}\u{1d212}"),
    (
        '8',
        "\u{223}\u{9ea}\u{a6a}\u{b03}\u{a589}\u{1031a}\u{11445}\u{169fe}\u{1e8cb}",
    ),
    (
        '9',
        concat!(
            "\u{9ed}\u{a67}\u{b68}\u{d6d}\u{2ccb}\u{a76f}\u{118cc}\u{118d6}\u{169c1}",
            "\u{1e2f2}",
        ),
    ),
    (
        'a',
        concat!(
            "\u{251}\u{3b1}\u{430}\u{15c5}\u{237a}\u{a4ee}\u{ab64}\u{102a0}\u{16f40}",
            "\u{1df5a}\u{1df6a}",
        ),
    ),
    (
        'b',
        concat!(
            "\u{7d5}\u{1472}\u{15af}\u{15f7}\u{a4d0}\u{a557}\u{10282}\u{102a1}\u{10301}",
            "\u{1031c}\u{1d207}",
        ),
    ),
    (
        'c',
        concat!(
            "\u{441}\u{1004}\u{105a}\u{1d04}\u{2ca5}\u{a4da}\u{abaf}\u{102a2}\u{10302}",
            "\u{1043d}\u{1051b}\u{118e9}\u{118f2}\u{1d134}\u{1f74c}",
        ),
    ),
    (
        'd',
        "\u{501}\u{146f}\u{15de}\u{15ea}\u{a4d2}\u{a4d3}\u{1018b}",
    ),
    (
        'e',
        concat!(
            "\u{435}\u{4bd}\u{212e}\u{22ff}\u{2d39}\u{a4f0}\u{a5cb}\u{ab32}\u{10286}",
            "\u{1df81}",
        ),
    ),
    (
        'f',
        concat!(
            "\u{192}\u{284}\u{584}\u{7d3}\u{15b4}\u{1e9d}\u{a4dd}\u{a799}\u{ab35}",
            "\u{1017e}\u{10287}\u{102a5}\u{10525}\u{118c2}\u{1d213}",
        ),
    ),
    ('g', "\u{18d}\u{261}\u{581}\u{1d83}\u{a4d6}"),
    ('h', "\u{4bb}\u{570}\u{157c}\u{a4e7}\u{102cf}"),
    (
        'i',
        concat!(
            "\u{a1}\u{269}\u{26a}\u{3b9}\u{456}\u{582}\u{2373}\u{2c93}\u{a647}",
            "\u{ab75}\u{118c3}",
        ),
    ),
    ('j', "\u{237}\u{3f3}\u{458}\u{575}\u{148d}\u{a4d9}"),
    ('k', "\u{16d5}\u{a4d7}\u{10518}"),
    (
        'l',
        concat!(
            "\u{1c0}\u{4cf}\u{5c0}\u{5d5}\u{5df}\u{627}\u{661}\u{6f1}\u{7ca}",
            "\u{964}\u{104a}\u{14aa}\u{16c1}\u{16d0}\u{21bf}\u{2223}\u{23fd}\u{2502}",
            "\u{2503}\u{2d4a}\u{2d4f}\u{a4e1}\u{a4f2}\u{a56f}\u{a781}\u{a7fe}\u{a830}",
            "\u{a8ce}\u{aa5d}\u{1028a}\u{10309}\u{10320}\u{1050e}\u{10526}\u{10926}\u{10c3e}",
            "\u{10cfa}\u{11047}\u{110c0}\u{11141}\u{111c5}\u{113d4}\u{1144b}\u{115c5}\u{11641}",
            "\u{11c41}\u{11dda}\u{11de1}\u{16d63}\u{16f16}\u{16f28}\u{1d100}\u{1d22a}\u{1d377}",
            "\u{1e141}\u{1e8c7}\u{1ed01}",
        ),
    ),
    ('m', "\u{15f0}\u{16d6}\u{a4df}\u{102b0}\u{10311}\u{10c21}"),
    ('n', "\u{578}\u{57c}\u{a4e0}\u{10513}\u{11abe}"),
    (
        'o',
        concat!(
            "\u{3bf}\u{3c3}\u{3ed}\u{43e}\u{585}\u{5e1}\u{647}\u{665}\u{6be}",
            "\u{6c1}\u{6d5}\u{6f5}\u{7c0}\u{7cb}\u{840}\u{966}\u{9e6}\u{a66}",
            "\u{ae6}\u{b20}\u{b66}\u{be6}\u{c02}\u{c66}\u{c82}\u{ce6}\u{d02}",
            "\u{d20}\u{d66}\u{d82}\u{e50}\u{ed0}\u{101d}\u{1040}\u{10ff}\u{110b}",
            "\u{11bc}\u{12d0}\u{17e0}\u{1a45}\u{1a80}\u{1a90}\u{1bea}\u{1d0f}\u{1d11}",
            "\u{2c9f}\u{2d54}\u{3007}\u{a4f3}\u{ab3d}\u{10292}\u{102ab}\u{1030f}\u{1042c}",
            "\u{104ea}\u{10516}\u{1092c}\u{10c17}\u{10d07}\u{11124}\u{11302}\u{114d0}\u{118c8}",
            "\u{118d7}\u{118e0}\u{11de0}\u{16ae9}\u{1e140}\u{1e2f0}",
        ),
    ),
    (
        'p',
        concat!(
            "\u{fe}\u{1bf}\u{3c1}\u{3f8}\u{440}\u{146d}\u{2374}\u{2ca3}\u{2ccf}",
            "\u{a4d1}\u{10295}",
        ),
    ),
    ('q', "\u{51b}\u{563}\u{566}\u{2d55}"),
    (
        'r',
        concat!(
            "\u{433}\u{1587}\u{1d26}\u{2c85}\u{a4e3}\u{ab47}\u{ab48}\u{ab81}\u{16a19}",
            "\u{16f35}\u{1d216}",
        ),
    ),
    (
        's',
        concat!(
            "\u{1bd}\u{455}\u{d1f}\u{10fd}\u{a4e2}\u{a576}\u{a731}\u{abaa}\u{10296}",
            "\u{10448}\u{118c1}\u{16ad6}\u{16f3a}",
        ),
    ),
    (
        't',
        concat!(
            "\u{7e0}\u{22a4}\u{27d9}\u{3112}\u{4e05}\u{a4d4}\u{a50b}\u{10297}\u{102b1}",
            "\u{10315}\u{16f0a}\u{1d373}\u{1f768}",
        ),
    ),
    (
        'u',
        concat!(
            "\u{28b}\u{3c5}\u{57d}\u{1200}\u{144c}\u{1d1c}\u{222a}\u{22c3}\u{a4f4}",
            "\u{a79f}\u{ab4e}\u{ab52}\u{104f6}\u{118d8}\u{16f42}",
        ),
    ),
    (
        'v',
        concat!(
            "\u{3bd}\u{475}\u{5d8}\u{667}\u{6f7}\u{142f}\u{1d20}\u{2228}\u{22c1}",
            "\u{2d38}\u{a4e6}\u{a6df}\u{aba9}\u{1051d}\u{10c1f}\u{11706}\u{118c0}\u{16f08}",
            "\u{1cefc}\u{1d20d}\u{1e145}",
        ),
    ),
    (
        'w',
        concat!(
            "\u{26f}\u{448}\u{461}\u{51d}\u{561}\u{1d21}\u{29e2}\u{2cbd}\u{a4ea}",
            "\u{a7fa}\u{ab83}\u{aba4}\u{1170a}\u{1170e}\u{1170f}\u{118e6}\u{118ef}\u{1d20c}",
            "\u{1df7d}",
        ),
    ),
    (
        'x',
        concat!(
            "\u{d7}\u{445}\u{1541}\u{157d}\u{166d}\u{166e}\u{16b7}\u{1763}\u{1bec}",
            "\u{1cf5}\u{2573}\u{292b}\u{292c}\u{2a2f}\u{2d5d}\u{a4eb}\u{10290}\u{102b4}",
            "\u{10317}\u{10322}\u{10527}\u{10c13}\u{10cc2}\u{10cfc}\u{118ec}",
        ),
    ),
    (
        'y',
        concat!(
            "\u{263}\u{28f}\u{3b3}\u{443}\u{4af}\u{7cc}\u{10e7}\u{1d8c}\u{1eff}",
            "\u{2ca9}\u{311a}\u{4e2b}\u{a4ec}\u{ab5a}\u{102b2}\u{10c20}\u{118c4}\u{118dc}",
            "\u{16f43}",
        ),
    ),
    (
        'z',
        concat!(
            "\u{1d22}\u{2c6c}\u{2c8d}\u{2d2d}\u{a4dc}\u{a6c9}\u{ab93}\u{102f5}\u{10507}",
            "\u{118e5}\u{11abc}",
        ),
    ),
];

/// `text` with every look-alike replaced by the ASCII character it looks like.
pub(super) fn as_latin(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii() {
                return c;
            }
            LOOK_ALIKES
                .iter()
                .find(|(_, like)| like.contains(c))
                .map_or(c, |&(latin, _)| latin)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn fold(text: &str) -> String {
        let compatible: String = text.nfkc().collect();
        compatible.to_uppercase().to_lowercase().nfkc().collect()
    }

    /// The table as it follows from `confusables.txt`, one line per letter.
    fn expected() -> Vec<(char, String)> {
        let mut groups: std::collections::BTreeMap<char, String> = Default::default();
        for c in (0x80..=0x10ffff).filter_map(char::from_u32) {
            let text = c.to_string();
            if fold(&text) != text {
                continue;
            }
            let skeleton = fold(&unicode_security::skeleton(&text).collect::<String>());
            let mut chars = skeleton.chars();
            if let (Some(latin), None) = (chars.next(), chars.next()) {
                if latin.is_ascii_alphanumeric() {
                    groups.entry(latin).or_default().push(c);
                }
            }
        }
        groups.into_iter().collect()
    }

    #[test]
    fn the_table_is_unicode_s_confusables() {
        let expected = expected();
        let table: Vec<(char, String)> = LOOK_ALIKES
            .iter()
            .map(|&(latin, like)| (latin, like.to_string()))
            .collect();
        if table != expected {
            let lines: Vec<String> = (expected.iter())
                .map(|(latin, like)| {
                    let escaped: String = like
                        .chars()
                        .map(|c| c.escape_unicode().to_string())
                        .collect();
                    format!("('{latin}', \"{escaped}\"),")
                })
                .collect();
            panic!(
                "LOOK_ALIKES differs from confusables.txt; it should be:\n{}",
                lines.join("\n")
            );
        }
    }

    #[test]
    fn cyrillic_and_greek_letters_read_as_latin() {
        assert_eq!(as_latin("аnа"), "ana", "Cyrillic а");
        assert_eq!(as_latin("ορο"), "opo", "Greek ο and ρ");
        assert_eq!(as_latin("zoë"), "zoë", "a letter of its own stays");
    }
}
